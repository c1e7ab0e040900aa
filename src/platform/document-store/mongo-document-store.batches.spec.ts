import { Binary, MongoClient } from 'mongodb';
import { randomBytes } from 'node:crypto';
import { waitFor } from '../../../test/support/wait-for';
import { REDO_PART_BYTES, serializeBatch } from '../mongodb/redo-records';
import { ProjectionCommit } from './document-store.port';
import { databaseFromUrl, MongoDocumentStore } from './mongo-document-store';
import { CrashingMongoStore } from './testing/crashing-mongo-store';

const url = process.env.MONGO_URL;
/** MongoDB's limit on one document, which a redo record of a whole batch would exceed. */
const DOCUMENT_LIMIT = 16 * 1024 * 1024;

/** A batch of whole threads larger than one document can be: 24 threads of 1 MiB of text each. */
function largeBatch(collection: string, position: bigint): ProjectionCommit {
  const writes = Array.from({ length: 24 }, (_, i) => ({
    collection,
    position,
    document: { _id: `thread-${i}`, body: randomBytes(768 * 1024).toString('base64') },
  }));
  return {
    writes,
    changes: [
      { position, topic: `topic_${collection}`, eventType: 'CitizenReplied', payloads: { public: {} } },
    ],
    checkpoint: { name: `cp_${collection}`, position },
  };
}

if (url) {
  const database = `${databaseFromUrl(url)}_batches_${randomBytes(4).toString('hex')}`;
  let raw: MongoClient;
  beforeAll(async () => (raw = await new MongoClient(url).connect()));
  afterAll(async () => {
    await raw.db(database).dropDatabase();
    await raw.close();
  });

  describe('MongoDB document store batches', () => {
    it('uses transactions exactly where the server is a replica set (FerretDB 1.x: the redo record)', async () => {
      const store = new MongoDocumentStore(url, { database });
      try {
        const hello = await raw.db(database).command({ hello: 1 });
        const replicaSet = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
        expect(await store.batchMode()).toBe(replicaSet ? 'transaction' : 'redo-record');
        const forced = new MongoDocumentStore(url, { database, batches: 'redo-record' });
        expect(await forced.batchMode()).toBe('redo-record');
        await forced.close();
      } finally {
        await store.close();
      }
    });

    it.each(['auto', 'redo-record'] as const)(
      'commits a batch larger than one document can be (%s)',
      async (batches) => {
        const store = new MongoDocumentStore(url, { database, batches });
        try {
          const c = `large_${batches.replace('-', '_')}_${randomBytes(4).toString('hex')}`;
          const batch = largeBatch(c, 9n);
          expect(
            JSON.stringify(batch.writes.map((w) => ('document' in w ? w.document : w.delete))).length,
          ).toBeGreaterThan(DOCUMENT_LIMIT);
          await store.commit(batch);
          expect(await store.checkpoint(`cp_${c}`)).toBe(9n);
          expect(await store.count(c)).toBe(24);
          expect(await store.findOne(c, { _id: 'thread-23' })).toEqual(
            'document' in batch.writes[23] && batch.writes[23].document,
          );
          expect(await raw.db(database).collection('_pending_commit_parts').countDocuments()).toBe(0);
        } finally {
          await store.close();
        }
      },
    );

    it('records a large batch in parts under the document limit, and finishes it after a crash', async () => {
      const crashing = new CrashingMongoStore(url, { database, batches: 'redo-record' });
      const store = new MongoDocumentStore(url, { database, batches: 'redo-record' });
      try {
        const c = `crash_large_${randomBytes(4).toString('hex')}`;
        const batch = largeBatch(c, 11n);
        void crashing.commit(batch);
        await waitFor(async () => (await store.count(c)) === 1, 'the first document of the batch');
        const parts = await raw
          .db(database)
          .collection('_pending_commit_parts')
          .find({ checkpoint: `cp_${c}` })
          .toArray();
        expect(parts.length).toBeGreaterThanOrEqual(3);
        for (const part of parts) expect(part.bytes.length()).toBeLessThanOrEqual(REDO_PART_BYTES);

        await store.recover(`cp_${c}`);
        expect(await store.checkpoint(`cp_${c}`)).toBe(11n);
        expect(await store.count(c)).toBe(24);
        expect(await store.readChanges({ topics: [`topic_${c}`], limit: 10 })).toHaveLength(1);
        expect(await raw.db(database).collection('_pending_commit_parts').countDocuments()).toBe(0);
        expect(
          await raw
            .db(database)
            .collection<{ _id: string }>('_pending_commits')
            .countDocuments({ checkpoint: `cp_${c}` }),
        ).toBe(0);
      } finally {
        await Promise.all([crashing.close(), store.close()]);
      }
    });

    it('finishes every batch a crash interrupted under one checkpoint, and records written in older forms', async () => {
      const store = new MongoDocumentStore(url, { database, batches: 'redo-record' });
      try {
        const c = `interrupted_${randomBytes(4).toString('hex')}`;
        const name = `cp_${c}`;
        const batch = (id: string, position: bigint): ProjectionCommit => ({
          writes: [{ collection: c, position, document: { _id: id } }],
          changes: [],
          checkpoint: { name, position },
        });
        const records = raw
          .db(database)
          .collection<{ _id: string } & Record<string, unknown>>('_pending_commits');
        const bytesOf = (commit: ProjectionCommit) => new Binary(Buffer.from(serializeBatch(commit)));
        // Two erasures' batches that died midway, and one record from before each batch had its own.
        await records.insertMany([
          { _id: `${name}|one`, checkpoint: name, batchId: 'one', bytes: bytesOf(batch('one', 3n)) },
          { _id: `${name}|two`, checkpoint: name, batchId: 'two', bytes: bytesOf(batch('two', 4n)) },
          { _id: name, batch: serializeBatch(batch('older', 5n)) },
        ]);
        await store.recover(name);
        expect((await store.find(c, {}, { sort: { _id: 1 } })).map((d) => d._id)).toEqual([
          'older',
          'one',
          'two',
        ]);
        expect(await store.checkpoint(name)).toBe(5n);
        expect(await records.countDocuments({ $or: [{ _id: name }, { checkpoint: name }] })).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('removes the parts of a batch whose recording a crash cut short', async () => {
      const store = new MongoDocumentStore(url, { database, batches: 'redo-record' });
      try {
        const name = `cp_stray_${randomBytes(4).toString('hex')}`;
        const parts = raw
          .db(database)
          .collection<{ _id: string; checkpoint: string }>('_pending_commit_parts');
        await parts.insertOne({ _id: `${name}|b|0`, checkpoint: name });
        await store.recover(name);
        expect(await parts.countDocuments({ checkpoint: name })).toBe(0);
        expect(await store.checkpoint(name)).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
} else {
  // Reported as skipped by name, never silently passed.
  describe.skip('MongoDB document store batches (skipped: MONGO_URL is not set)', () => {
    it('commits large batches and recovers them', () => {});
  });
}
