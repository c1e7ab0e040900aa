import { randomUUID } from 'node:crypto';
import { aspirationStream } from '../../../src/aspirations/domain/aspiration.streams';
import {
  assigned,
  citizen,
  closedBySubmitter,
  facilitator,
  puprOfficial,
  replied,
  resolved,
  responded,
  submitted,
  verified,
} from '../../../src/aspirations/domain/testing/aspiration.fixtures';
import { STATISTICS, THREADS } from '../../../src/aspirations/read-models/thread.document';
import { endorsementStream } from '../../../src/endorsements/domain/endorsement.streams';
import {
  ChangeEntry,
  Doc,
  DocumentStore,
  ProjectionCommit,
} from '../../../src/platform/document-store/document-store.port';
import { Actor, DomainEvent } from '../../../src/platform/domain/decider';
import { EventLog } from '../../../src/platform/event-log/event-log';
import { ExpectedRevision } from '../../../src/platform/event-store/stored-event';
import { physicalCollection } from '../../../src/platform/read-models/generations';
import { aspirationsProjection } from '../../aspirations/aspirations.projection';
import { matching } from '../project-batch';
import { Projection } from '../projection';

/** Appends realistic sealed aspiration histories through the real EventLog (encryption, hash chain). */
export class History {
  private readonly revisions = new Map<string, number>();

  constructor(private readonly log: EventLog) {}

  /** One aspiration taken `steps` steps along submit → verify → assign → respond → reply → resolve → close. */
  async aspiration(id: string, steps = 7): Promise<void> {
    const lifecycle: Array<[Actor, DomainEvent]> = [
      [citizen, { ...submitted, data: { ...submitted.data, aspirationId: id, messageId: `${id}-m1` } }],
      [facilitator, verified],
      [facilitator, assigned],
      [puprOfficial, { ...responded, data: { ...responded.data, messageId: `${id}-m2` } }],
      [citizen, { ...replied, data: { ...replied.data, messageId: `${id}-m3` } }],
      [puprOfficial, resolved],
      [citizen, closedBySubmitter],
    ];
    for (const [actor, event] of lifecycle.slice(0, steps))
      await this.append(aspirationStream(id), event, actor);
  }

  async endorse(aspirationId: string, citizenId: string): Promise<void> {
    const endorsed = {
      type: 'AspirationEndorsed',
      data: { aspirationId, endorsedAt: '2026-01-13T01:00:00.000Z' },
    };
    await this.append(endorsementStream(aspirationId, citizenId), endorsed, {
      id: citizenId,
      role: 'citizen',
    });
  }

  /** `count` aspirations at every stage of their lifecycle, every third one endorsed twice. */
  async populate(count: number, prefix = 'asp'): Promise<void> {
    for (let i = 0; i < count; i++) {
      const id = `${prefix}-${i}`;
      await this.aspiration(id, 1 + (i % 7));
      if (i % 3 === 0) {
        await this.endorse(id, `${prefix}-citizen-a`);
        await this.endorse(id, `${prefix}-citizen-b`);
      }
    }
  }

  private async append(stream: string, event: DomainEvent, actor: Actor): Promise<void> {
    const expected: ExpectedRevision = this.revisions.get(stream) ?? 'no_stream';
    // Each event's own time field (submittedAt, verifiedAt, …) is when it happened.
    const occurredAt = Object.entries(event.data).find(([field]) => field.endsWith('At'))![1] as string;
    const { revision } = await this.log.append(stream, [event], expected, {
      actor: actor.id,
      role: actor.role,
      commandId: randomUUID(),
      requestDigest: 'runner-spec',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt,
    });
    this.revisions.set(stream, revision);
  }
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
const byId = (a: Doc, b: Doc) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0);
const byPositionThenTopic = (a: ChangeEntry, b: ChangeEntry) =>
  a.position !== b.position ? (a.position < b.position ? -1 : 1) : a.topic < b.topic ? -1 : 1;

export interface ReadModelSnapshot {
  readonly threads: Doc[];
  readonly statistics: Doc[];
}

/** The oracle: the whole log folded in memory, event by event, through the same pure projection. */
export async function foldInMemory(
  log: EventLog,
  projection: Projection = aspirationsProjection,
): Promise<ReadModelSnapshot & { changes: ChangeEntry[] }> {
  const documents = new Map<string, Doc>();
  const changes: ChangeEntry[] = [];
  const of = (collection: string) =>
    [...documents].filter(([key]) => key.startsWith(`${collection}\u0000`)).map(([, doc]) => doc);
  for (const recorded of await log.store.readAll()) {
    if (!projection.handles(recorded.type)) continue;
    const { event, metadata, erased } = await log.sealer.open(recorded);
    const projected = {
      type: event.type,
      data: event.data as Record<string, unknown>,
      stream: recorded.stream,
      position: recorded.position,
      actor: { id: metadata.actor, role: metadata.role },
      occurredAt: metadata.occurredAt,
      erased,
    };
    const result = projection.project(
      projected,
      (key) => documents.get(keyOf(key.collection, key.id)),
      ({ collection, filter }) => matching(of(collection), filter),
    );
    for (const operation of result.operations) {
      if ('put' in operation) documents.set(keyOf(operation.collection, operation.put._id), operation.put);
      else documents.delete(keyOf(operation.collection, operation.delete));
    }
    for (const change of result.changes)
      changes.push({ position: recorded.position, eventType: recorded.type, ...change });
  }
  return { threads: of(THREADS).sort(byId), statistics: of(STATISTICS).sort(byId), changes };
}

/** Every document of a generation's threads and statistics, in _id order. */
export async function snapshot(documents: DocumentStore, generation: string): Promise<ReadModelSnapshot> {
  const all = async (collection: string) =>
    (await documents.find(physicalCollection(collection, generation))).sort(byId);
  return { threads: await all(THREADS), statistics: await all(STATISTICS) };
}

/** The whole change log, in the order readers get it. */
export async function changeLog(documents: DocumentStore): Promise<ChangeEntry[]> {
  return documents.readChanges({ limit: 1_000_000 });
}

export const sortedChanges = (changes: readonly ChangeEntry[]) => [...changes].sort(byPositionThenTopic);

export interface StoreProbe {
  readonly commits: ProjectionCommit[];
  leaseAttempts: number;
  /** The next this many commits throw, as a store that went away would. */
  failCommits: number;
}

/** The real store, watched: which batches it committed, how often a lease was asked for; commits can be failed. */
export function probed(store: DocumentStore): { documents: DocumentStore; probe: StoreProbe } {
  const probe: StoreProbe = { commits: [], leaseAttempts: 0, failCommits: 0 };
  const documents = new Proxy(store, {
    get(target, property) {
      if (property === 'commit')
        return async (batch: ProjectionCommit) => {
          if (probe.failCommits > 0) {
            probe.failCommits--;
            throw new Error('injected fault: the document store refused the commit');
          }
          // Recorded as it is sent: the checkpoint may be visible before the commit call returns.
          probe.commits.push(batch);
          await target.commit(batch);
        };
      if (property === 'acquireLease')
        return (...args: Parameters<DocumentStore['acquireLease']>) => {
          probe.leaseAttempts++;
          return target.acquireLease(...args);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { documents, probe };
}
