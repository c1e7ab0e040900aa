import { MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { waitFor } from '../../../test/support/wait-for';
import { ProjectionCommit } from './document-store.port';
import { MongoDocumentStore, databaseFromUrl } from './mongo-document-store';
import { CrashingMongoStore } from './testing/crashing-mongo-store';
import { documentStoreContract } from './testing/document-store.contract';

const url = process.env.MONGO_URL;

if (url) {
  // A fresh database per run, dropped at the end: runs never see each other's documents.
  const database = `${databaseFromUrl(url)}_${randomBytes(4).toString('hex')}`;
  const open = () => new MongoDocumentStore(url, { database });
  afterAll(async () => {
    const client = await new MongoClient(url).connect();
    await client.db(database).dropDatabase();
    await client.close();
  });

  documentStoreContract('MongoDB', async () => open());

  describe('MongoDB document store', () => {
    it('lets exactly one of several instances take over an expired lease', async () => {
      const stores = Array.from({ length: 6 }, open);
      try {
        const lease = `lease_${randomBytes(8).toString('hex')}`;
        const t0 = new Date('2026-11-27T00:00:00Z');
        expect(await stores[0].acquireLease(lease, 'old', 1_000, t0)).toBe(true);
        for (let round = 1; round <= 5; round++) {
          const now = new Date(t0.getTime() + round * 10_000);
          const results = await Promise.all(
            stores.map((store, i) => store.acquireLease(lease, `instance-${round}-${i}`, 1_000, now)),
          );
          expect(results.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('finishes a batch a crash interrupted when the next runner recovers', async () => {
      const crashing = new CrashingMongoStore(url, { database });
      const store = open();
      try {
        const c = `crash_${randomBytes(8).toString('hex')}`;
        const batch: ProjectionCommit = {
          writes: [
            { collection: c, position: 7n, document: { _id: 'thread', status: 'in_progress' } },
            { collection: c, position: 7n, document: { _id: 'count:in_progress', count: 1 } },
          ],
          changes: [
            { position: 7n, topic: `topic_${c}`, eventType: 'AspirationAssigned', payloads: { public: {} } },
          ],
          checkpoint: { name: `cp_${c}`, position: 7n },
        };
        void crashing.commit(batch);
        await waitFor(async () => (await store.count(c)) === 1, 'the first half of the batch');
        expect(await store.checkpoint(`cp_${c}`)).toBeUndefined();
        await store.recover(`cp_${c}`);
        expect(await store.checkpoint(`cp_${c}`)).toBe(7n);
        expect(await store.find(c, {}, { sort: { _id: 1 } })).toEqual([
          { _id: 'count:in_progress', count: 1 },
          { _id: 'thread', status: 'in_progress' },
        ]);
        expect(await store.readChanges({ topics: [`topic_${c}`], limit: 10 })).toHaveLength(1);
      } finally {
        await Promise.all([crashing.close(), store.close()]);
      }
    });

    it('keeps the newest of several versions of one document written in one batch', async () => {
      const store = open();
      try {
        const c = `dupes_${randomBytes(8).toString('hex')}`;
        await store.commit({
          writes: [
            { collection: c, position: 3n, document: { _id: 'a', n: 3 } },
            { collection: c, position: 5n, document: { _id: 'a', n: 5 } },
            { collection: c, position: 4n, document: { _id: 'a', n: 4 } },
            { collection: c, position: 5n, document: { _id: 'b', n: 5 } },
            { collection: c, position: 6n, delete: 'b' },
          ],
          changes: [],
          checkpoint: { name: `cp_${c}`, position: 6n },
        });
        expect(await store.find(c, {}, { sort: { _id: 1 } })).toEqual([{ _id: 'a', n: 5 }]);
      } finally {
        await store.close();
      }
    });

    it('fails a batch that breaks a unique index, before its checkpoint', async () => {
      const store = open();
      try {
        const c = `accounts_${randomBytes(8).toString('hex')}`;
        const cp = `cp_${c}`;
        await store.ensureIndexes(c, [{ fields: { email: 1 }, unique: true }]);
        const write = (_id: string, position: bigint) => ({
          writes: [{ collection: c, position, document: { _id, email: 'x@desa.id' } }],
          changes: [],
          checkpoint: { name: cp, position },
        });
        await store.commit(write('a', 1n));
        await expect(store.commit(write('b', 2n))).rejects.toThrow(/duplicate key/i);
        expect(await store.checkpoint(cp)).toBe(1n);
        expect(await store.find(c)).toEqual([{ _id: 'a', email: 'x@desa.id' }]);
      } finally {
        await store.close();
      }
    });

    it('refuses collection names it would not store as named, and field names FerretDB cannot keep', async () => {
      const store = open();
      try {
        await expect(store.find('_changes')).rejects.toThrow(/Invalid collection name/);
        await expect(store.find('a$b')).rejects.toThrow(/Invalid collection name/);
        await expect(
          store.commit({
            writes: [{ collection: 'stats', position: 1n, document: { _id: 'x', byRegion: { '62.06': 1 } } }],
            changes: [],
            checkpoint: { name: 'cp_stats', position: 1n },
          }),
        ).rejects.toThrow(/field name "62.06"/);
      } finally {
        await store.close();
      }
    });
  });
} else {
  // Reported as skipped by name, never silently passed.
  describe.skip('document store contract: MongoDB (skipped: MONGO_URL is not set)', () => {
    it('runs the contract suite against MongoDB', () => {});
  });
}
