import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../platform/document-store/document-store.port';
import { SqliteDocumentStore } from '../../platform/document-store/sqlite-document-store';
import { storedPosition } from '../../platform/document-store/positions';
import { SqliteEventStore } from '../../platform/event-store/sqlite-event-store';
import { checkpointName, currentGeneration } from '../../platform/read-models/generations';
import { ReadModels } from '../../platform/read-models/read-models';
import { forgetNotifiedPerson } from '../erasure/forget-person';
import {
  ME_TOPIC,
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
  NOTIFIED_PEOPLE,
  personKey,
} from '../read-models/notification.document';
import { DELIVERIES } from './delivery-record';
import { DeliveryPlanner } from './delivery-planner';
import { DeliveryStore } from './delivery-store';

const settings = { digestThreshold: 10, digestWindowMs: 3_600_000, maxAgeMs: 86_400_000 };
const NOW = new Date('2026-06-01T08:00:00Z');

describe('DeliveryPlanner: messages recorded for notifications, never for a person erased meanwhile', () => {
  let documents: DocumentStore;
  let readModels: ReadModels;
  let events: SqliteEventStore;

  beforeEach(() => {
    const dir = mkdtempSync(join(tmpdir(), 'suara-planner-'));
    documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    readModels = new ReadModels(documents, events);
  });
  afterEach(async () => {
    await documents.close();
    await events.close();
  });

  /** What the notifications projection commits when it tells `personId` of a response, at `position`. */
  const notify = async (personId: string, position: bigint) => {
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
    const generation = await currentGeneration(documents, NOTIFICATIONS_PROJECTION);
    const collection = await readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    await documents.commit({
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
  };

  /** What erasure does to the read model and then the outbox (erasure-completion.ts, in its order). */
  const erase = async (notification: NotificationDocument) => {
    const collection = await readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    await documents.commit({
      writes: [{ collection, position: 100n, delete: notification._id }],
      changes: [],
      checkpoint: { name: 'erasure-spec', position: 0n },
    });
    await forgetNotifiedPerson(documents, notification.personId);
  };

  const recordsOf = (personId: string) => documents.count(DELIVERIES, { personKey: personKey(personId) });

  it('records the messages of a notification (e-mail and SMS by default)', async () => {
    await notify('siti', 1n);
    const planner = new DeliveryPlanner(documents, readModels, new DeliveryStore(documents), settings);
    await planner.planNext(NOW);
    expect(await recordsOf('siti')).toBe(2);
  });

  it('forgets what it saved for a person whose erasure ran between its reading and its saving', async () => {
    const siti = await notify('siti', 1n);
    await notify('budi', 2n);
    // The erasure runs at the planner's first look at a person's preferences: after it read the notifications.
    const people = await readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFIED_PEOPLE);
    let erasure: Promise<void> | undefined;
    const interleaved = new Proxy(documents, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (name !== 'findOne') return typeof value === 'function' ? value.bind(target) : value;
        return async (collection: string, ...rest: unknown[]) => {
          if (collection === people && !erasure) await (erasure = erase(siti));
          return (value as (...args: unknown[]) => unknown).call(target, collection, ...rest);
        };
      },
    });
    const planner = new DeliveryPlanner(
      documents,
      new ReadModels(interleaved, events),
      new DeliveryStore(documents),
      settings,
    );
    await planner.planNext(NOW);
    expect(erasure).toBeDefined();
    expect({ siti: await recordsOf('siti'), budi: await recordsOf('budi') }).toEqual({ siti: 0, budi: 2 });
  });
});
