import { join } from 'node:path';
import { EventLog } from '../../platform/event-log/event-log';
import { EventSealer } from '../../platform/event-log/event-sealer';
import { OutboxOutgoingMessages } from '../../platform/messages/outbox-outgoing-messages';
import { SqliteKeyStore } from '../../platform/personal-data/sqlite-key-store';
import { personKey } from '../read-models/notification.document';
import { DELIVERIES, DELIVERY_CURSOR, DeliveryRecord, updated } from './delivery-record';
import { DeliveryPlanner } from './delivery-planner';
import { DeliverySender } from './delivery-sender';
import { DeliveryStore } from './delivery-store';
import { DeliveryTargets } from './delivery-targets';
import { ErasedMeanwhile } from './erased-meanwhile';
import { runningBefore, NOW, OUTBOX_SETTINGS, OutboxFixture } from './testing/outbox-fixture';

const SENDER_SETTINGS = { maxAttempts: 3, retryBaseMs: 1_000, retryMaxMs: 60_000 };
const quiet = { warn: () => undefined };

describe('the delivery outbox and erasure: nothing of an erased person stays, whatever ran meanwhile', () => {
  let fixture: OutboxFixture;
  let keys: SqliteKeyStore;

  beforeEach(async () => {
    fixture = new OutboxFixture();
    keys = new SqliteKeyStore(join(fixture.dir, 'keys.sqlite'));
    await fixture.notify('siti', 1n);
    await fixture.notify('budi', 2n);
    const { documents, readModels } = fixture;
    await new DeliveryPlanner(documents, readModels, new DeliveryStore(documents), OUTBOX_SETTINGS).planNext(
      NOW,
    );
  });
  afterEach(async () => {
    await keys.close();
    await fixture.close();
  });

  const recordsOfSiti = () =>
    fixture.documents.find<DeliveryRecord>(DELIVERIES, { personKey: personKey('siti') });

  const senderOn = (documents: typeof fixture.documents, digestThreshold: number) => {
    const store = new DeliveryStore(documents);
    const log = new EventLog(fixture.events, new EventSealer(keys, () => []));
    return new DeliverySender(
      store,
      new DeliveryTargets(log, fixture.readModels),
      new OutboxOutgoingMessages(join(fixture.dir, 'outbox.jsonl')),
      { ...SENDER_SETTINGS, digestThreshold },
      quiet,
      new ErasedMeanwhile(fixture.readModels, store),
    );
  };

  it('deletes a record the sender moved to a later version between the erasure reading it and deleting it', async () => {
    const [sending] = await recordsOfSiti();
    const { store, ran } = runningBefore(
      fixture.documents,
      'commit',
      (batch) => batch.writes.some((write) => 'delete' in write && write.collection === DELIVERIES),
      () => new DeliveryStore(fixture.documents).save([updated(sending, { status: 'sent' })], undefined),
    );
    expect(await new DeliveryStore(store).forget('siti')).toBe(2);
    expect(ran()).toBe(true);
    expect(await recordsOfSiti()).toEqual([]);
  });

  it.each([
    ['one message at a time', 10],
    ['a digest of several', 1],
  ])(
    'never brings back what an erasure forgot while the sender was recording (%s)',
    async (_, digestThreshold) => {
      // A second notification, so that a threshold of one makes a digest of Siti's two messages on each channel.
      await fixture.notify('siti', 3n);
      const { documents, readModels } = fixture;
      await new DeliveryPlanner(
        documents,
        readModels,
        new DeliveryStore(documents),
        OUTBOX_SETTINGS,
      ).planNext(NOW);
      let interrupted: unknown;
      const senderSaving = (batch: Parameters<typeof fixture.documents.commit>[0]) => {
        const [first] = batch.writes;
        if (batch.checkpoint.name !== DELIVERY_CURSOR || !first || !('document' in first)) return false;
        interrupted ??= first.document.personKey === personKey('siti') ? first.document.kind : undefined;
        return interrupted !== undefined;
      };
      const { store, ran } = runningBefore(fixture.documents, 'commit', senderSaving, () =>
        fixture.erase('siti'),
      );
      await senderOn(store, digestThreshold).sendDue(NOW);
      expect(ran()).toBe(true);
      expect(await recordsOfSiti()).toEqual([]);
      expect(interrupted).toBe(digestThreshold === 1 ? 'digest' : 'response');
      expect(await fixture.recordsOf('budi')).toBe(2);
    },
  );
});
