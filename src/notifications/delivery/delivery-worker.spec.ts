import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { waitFor } from '../../../test/support/wait-for';
import { databaseFromUrl, MongoDocumentStore } from '../../platform/document-store/mongo-document-store';
import { CrashingMongoStore } from '../../platform/document-store/testing/crashing-mongo-store';
import { EventLog } from '../../platform/event-log/event-log';
import { EventSealer } from '../../platform/event-log/event-sealer';
import { OutboxOutgoingMessages } from '../../platform/messages/outbox-outgoing-messages';
import { SqliteKeyStore } from '../../platform/personal-data/sqlite-key-store';
import { personKey } from '../read-models/notification.document';
import { DELIVERIES, DeliveryRecord, updated } from './delivery-record';
import { DeliveryPlanner } from './delivery-planner';
import { DeliverySender } from './delivery-sender';
import { DeliveryStore } from './delivery-store';
import { DeliveryTargets } from './delivery-targets';
import { DeliveryWorker } from './delivery-worker';
import { ErasedMeanwhile } from './erased-meanwhile';
import { NOW, OUTBOX_SETTINGS, OutboxFixture } from './testing/outbox-fixture';

const url = process.env.MONGO_URL;

if (url) {
  const database = `${databaseFromUrl(url)}_worker_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const raw = await new MongoClient(url).connect();
    await raw.db(database).dropDatabase();
    await raw.close();
  });

  describe('DeliveryWorker on a server without transactions', () => {
    it('finishes a digest a crashed holder left half-saved before it sends anything', async () => {
      const documents = new MongoDocumentStore(url, { database, batches: 'redo-record' });
      const crashing = new CrashingMongoStore(url, { database, batches: 'redo-record' });
      const fixture = new OutboxFixture(documents);
      const keys = new SqliteKeyStore(join(fixture.dir, 'keys.sqlite'));
      const outbox = join(fixture.dir, 'outbox.ndjson');
      const store = new DeliveryStore(documents);
      await fixture.notify('siti', 1n);
      await new DeliveryPlanner(documents, fixture.readModels, store, OUTBOX_SETTINGS).planNext(NOW);
      const [member] = await documents.find<DeliveryRecord>(DELIVERIES, {
        personKey: personKey('siti'),
        channel: 'email',
      });
      // The sender's digest save (the digest, then its member folded into it) died after the digest was written.
      const digest: DeliveryRecord = { ...member, _id: 'digest-1', kind: 'digest', version: 1 };
      void new DeliveryStore(crashing).save(
        [digest, updated(member, { status: 'digested', digestId: digest._id })],
        undefined,
      );
      await waitFor(async () => (await store.existing([digest._id])).size === 1, 'the digest written');

      const log = new EventLog(fixture.events, new EventSealer(keys, () => []));
      const worker = new DeliveryWorker(
        documents,
        new DeliveryPlanner(documents, fixture.readModels, store, OUTBOX_SETTINGS),
        new DeliverySender(
          store,
          new DeliveryTargets(log, fixture.readModels),
          new OutboxOutgoingMessages(outbox),
          { ...OUTBOX_SETTINGS, maxAttempts: 3, retryBaseMs: 1_000, retryMaxMs: 60_000 },
          { warn: () => undefined },
          new ErasedMeanwhile(fixture.readModels, store),
        ),
        { now: () => NOW },
        { holder: 'spec', leaseTtlMs: 3_000, pollMs: 50, logger: { error: () => undefined } },
      );
      try {
        worker.start();
        const statusOf = async (id: string) =>
          (await documents.findOne<DeliveryRecord>(DELIVERIES, { _id: id }))?.status;
        await waitFor(async () => (await statusOf(digest._id)) !== 'pending', 'the digest handled');
        // Sent as the digest it was folded into, never again on its own.
        expect(await statusOf(member._id)).toBe('digested');
      } finally {
        await worker.stop();
        await Promise.all([keys.close(), crashing.close(), fixture.close()]);
      }
    });
  });
} else {
  // Reported as skipped by name, never silently passed.
  describe.skip('DeliveryWorker on a server without transactions (skipped: MONGO_URL is not set)', () => {
    it('finishes a digest a crashed holder left half-saved before it sends anything', () => {});
  });
}
