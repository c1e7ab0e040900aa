import { Doc } from '../../../src/platform/document-store/document-store.port';
import { ChangeEntry } from '../../../src/platform/document-store/document-store.port';
import { Actor } from '../../../src/platform/domain/decider';
import { matching } from '../../runner/project-batch';
import { DocumentKey, ProjectedEvent, Projection } from '../../runner/projection';

/**
 * A projection run as the runner runs it, one event per batch: only the documents its `touches` and `finds` name are
 * loaded, so a document the projection forgot to ask for is missing here as it would be in production.
 */
export class ProjectionHarness {
  readonly changes: ChangeEntry[] = [];
  private readonly stored = new Map<string, Doc>();
  private position = 100n;

  constructor(private readonly projection: Projection) {}

  event(
    type: string,
    actor: Actor | { id: null; role: string },
    data: object,
    stream: string,
  ): ProjectedEvent {
    this.position += 1n;
    const at = new Date(Date.UTC(2026, 0, 9) + Number(this.position) * 60_000).toISOString();
    return {
      type,
      data: { ...data } as Record<string, unknown>,
      stream,
      position: this.position,
      actor,
      occurredAt: at,
    };
  }

  apply(...events: ProjectedEvent[]): this {
    for (const event of events) this.applyOne(event);
    return this;
  }

  all<T extends Doc>(collection: string): T[] {
    return [...this.stored].filter(([key]) => key.startsWith(`${collection}/`)).map(([, doc]) => doc as T);
  }

  get<T extends Doc>(collection: string, id: string): T | undefined {
    return this.stored.get(`${collection}/${id}`) as T | undefined;
  }

  private applyOne(event: ProjectedEvent): void {
    if (!this.projection.handles(event.type)) return;
    const key = ({ collection, id }: DocumentKey) => `${collection}/${id}`;
    const loaded = new Map<string, Doc>();
    for (const touched of this.projection.touches(event)) {
      const doc = this.stored.get(key(touched));
      if (doc) loaded.set(key(touched), doc);
    }
    for (const { collection, filter } of this.projection.finds?.(event) ?? [])
      for (const doc of matching(this.all(collection), filter))
        loaded.set(key({ collection, id: doc._id }), doc);
    const result = this.projection.project(
      event,
      (k) => loaded.get(key(k)),
      ({ collection, filter }) =>
        matching(
          [...loaded].filter(([k]) => k.startsWith(`${collection}/`)).map(([, doc]) => doc),
          filter,
        ),
    );
    for (const op of result.operations) {
      if ('put' in op) this.stored.set(key({ collection: op.collection, id: op.put._id }), op.put);
      else this.stored.delete(key({ collection: op.collection, id: op.delete }));
    }
    for (const change of result.changes)
      this.changes.push({ position: event.position, eventType: event.type, ...change });
  }
}
