import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../../platform/document-store/document-store.port';
import { storedPosition } from '../../../platform/document-store/positions';
import { SqliteDocumentStore } from '../../../platform/document-store/sqlite-document-store';
import { SqliteEventStore } from '../../../platform/event-store/sqlite-event-store';
import { checkpointName, currentGeneration } from '../../../platform/read-models/generations';
import { ReadModels } from '../../../platform/read-models/read-models';
import { forgetNotifiedPerson } from '../../erasure/forget-person';
import {
  ME_TOPIC,
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
  personKey,
} from '../../read-models/notification.document';
import { DELIVERIES } from '../delivery-record';

export const OUTBOX_SETTINGS = { digestThreshold: 10, digestWindowMs: 3_600_000, maxAgeMs: 86_400_000 };
export const NOW = new Date('2026-06-01T08:00:00Z');

/** Real stores in a fresh folder, with what the notifications projection and an erasure write to them. */
export class OutboxFixture {
  readonly dir = mkdtempSync(join(tmpdir(), 'suara-outbox-'));
  readonly documents: DocumentStore;
  readonly events = new SqliteEventStore(join(this.dir, 'events.sqlite'));
  readonly readModels: ReadModels;

  /** Read models in `documents` when given (a MongoDB store), else in SQLite in the folder. */
  constructor(documents?: DocumentStore) {
    this.documents = documents ?? new SqliteDocumentStore(join(this.dir, 'read-models.sqlite'));
    this.readModels = new ReadModels(this.documents, this.events);
  }

  async close(): Promise<void> {
    await this.documents.close();
    await this.events.close();
  }

  /** What the notifications projection commits when it tells `personId` of a response, at `position`. */
  async notify(personId: string, position: bigint): Promise<NotificationDocument> {
    const notification: NotificationDocument = {
      _id: `n-${position}`,
      personId,
      kind: 'response',
      aspirationId: 'a-1',
      title: 'Jalan desa berlubang',
      change: null,
      stage: null,
      dueAt: null,
      agencyId: 'dinas-pupr',
      at: NOW.toISOString(),
      read: false,
      position: storedPosition(position),
    };
    const generation = await currentGeneration(this.documents, NOTIFICATIONS_PROJECTION);
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    await this.documents.commit({
      writes: [{ collection, position, document: notification }],
      changes: [
        {
          position,
          topic: ME_TOPIC,
          eventType: 'ResponsePosted',
          payloads: { [personKey(personId)]: { notification: { id: notification._id } } },
        },
      ],
      checkpoint: { name: checkpointName(NOTIFICATIONS_PROJECTION, generation), position },
    });
    return notification;
  }

  /** What erasure does to the read model and then the outbox (erasure-completion.ts, in its order). */
  async erase(personId: string): Promise<void> {
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    const notifications = await this.documents.find(collection, { personId });
    await this.documents.commit({
      writes: notifications.map(({ _id }) => ({ collection, position: 1_000n, delete: _id })),
      changes: [],
      checkpoint: { name: 'erasure-spec', position: 0n },
    });
    await forgetNotifiedPerson(this.documents, personId);
  }

  recordsOf(personId: string): Promise<number> {
    return this.documents.count(DELIVERIES, { personKey: personKey(personId) });
  }
}

type Method = 'commit' | 'findOne';

/** The store with `before` run once, just before the first call of `method` whose arguments `when` picks. */
export function runningBefore<M extends Method>(
  documents: DocumentStore,
  method: M,
  when: (...args: Parameters<DocumentStore[M]>) => boolean,
  before: () => Promise<void>,
): { store: DocumentStore; ran: () => boolean } {
  let ran = false;
  const store = new Proxy(documents, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== method) return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<DocumentStore[M]>) => {
        if (!ran && when(...args)) {
          ran = true;
          await before();
        }
        return (value as (...args: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, ran: () => ran };
}
