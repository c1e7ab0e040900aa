import { randomUUID } from 'node:crypto';
import { waitFor } from '../../../../test/support/wait-for';
import { ChangeEntry, Doc, DocumentStore, ProjectionCommit } from '../document-store.port';

const uniqueName = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '')}`;

const villages: Doc[] = [
  {
    _id: 'v1',
    name: 'Kasongan Baru',
    region: { code: '62.06.02.1003', regency: '62.06' },
    endorsements: 12,
    words: ['jalan', 'rusak'],
    status: 'in_progress',
  },
  {
    _id: 'v2',
    name: 'Kasongan Lama',
    region: { code: '62.06.02.1001', regency: '62.06' },
    endorsements: 3,
    words: ['air', 'bersih'],
    status: 'submitted',
  },
  {
    _id: 'v3',
    name: 'Tumbang Samba',
    region: { code: '62.06.05.2001', regency: '62.06' },
    endorsements: 7,
    words: ['jalan', 'jembatan'],
    status: 'resolved',
    closedAt: '2026-11-01',
  },
  {
    _id: 'v4',
    name: 'Palangka',
    region: { code: '62.71.01.1001', regency: '62.71' },
    endorsements: 7,
    words: ['sekolah'],
    status: 'in_progress',
  },
];

/** The document store contract: every adapter runs this same suite against a real backend. */
export function documentStoreContract(adapter: string, open: () => Promise<DocumentStore>): void {
  describe(`document store contract: ${adapter}`, () => {
    let store: DocumentStore;
    beforeEach(async () => (store = await open()));
    afterEach(() => store.close());

    const commit = (
      collection: string,
      documents: Doc[],
      position: bigint,
      extra: Partial<ProjectionCommit> = {},
    ) =>
      store.commit({
        writes: documents.map((document) => ({ collection, position, document })),
        changes: [],
        checkpoint: { name: uniqueName('cp'), position },
        ...extra,
      });

    async function seeded(): Promise<string> {
      const collection = uniqueName('villages');
      await store.ensureIndexes(collection, [
        { fields: { 'region.regency': 1, endorsements: -1 } },
        { fields: { status: 1 } },
      ]);
      await commit(collection, villages, 10n);
      return collection;
    }

    const ids = (docs: Doc[]) => docs.map((d) => d._id);

    describe('queries', () => {
      it('finds by equality, nested fields, comparisons, $in, $all, $exists, $regex and $or', async () => {
        const c = await seeded();
        expect(ids(await store.find(c, { status: 'in_progress' }, { sort: { _id: 1 } }))).toEqual([
          'v1',
          'v4',
        ]);
        expect(
          ids(
            await store.find(
              c,
              { 'region.regency': '62.06', endorsements: { $gte: 7 } },
              { sort: { _id: 1 } },
            ),
          ),
        ).toEqual(['v1', 'v3']);
        expect(
          ids(await store.find(c, { status: { $in: ['submitted', 'resolved'] } }, { sort: { _id: 1 } })),
        ).toEqual(['v2', 'v3']);
        expect(ids(await store.find(c, { words: { $all: ['jalan', 'rusak'] } }))).toEqual(['v1']);
        expect(ids(await store.find(c, { closedAt: { $exists: true } }))).toEqual(['v3']);
        expect(
          ids(await store.find(c, { 'region.code': { $regex: '^62\\.06\\.02\\.' } }, { sort: { _id: 1 } })),
        ).toEqual(['v1', 'v2']);
        expect(
          ids(
            await store.find(
              c,
              { $or: [{ endorsements: { $lt: 5 } }, { 'region.regency': '62.71' }] },
              { sort: { _id: 1 } },
            ),
          ),
        ).toEqual(['v2', 'v4']);
      });

      it('sorts by several keys, skips and limits', async () => {
        const c = await seeded();
        const sorted = await store.find(c, {}, { sort: { endorsements: -1, _id: 1 } });
        expect(ids(sorted)).toEqual(['v1', 'v3', 'v4', 'v2']);
        expect(
          ids(await store.find(c, {}, { sort: { endorsements: -1, _id: 1 }, skip: 1, limit: 2 })),
        ).toEqual(['v3', 'v4']);
      });

      it('leaves out the fields a projection excludes, also inside arrays, after sorting by one of them', async () => {
        const c = uniqueName('threads');
        const thread = (id: string, at: string) => ({
          _id: id,
          title: `Judul ${id}`,
          submittedAt: at,
          messages: [
            { messageId: `${id}-1`, body: 'panjang sekali', hidden: { reason: 'Data pribadi' } },
            { messageId: `${id}-2`, body: 'balasan', title: 'Re' },
          ],
          words: ['jalan'],
        });
        await commit(c, [thread('a', '2026-01-01'), thread('b', '2026-01-02')], 1n);
        const summaries = await store.find(
          c,
          {},
          {
            sort: { submittedAt: -1 },
            projection: { 'messages.body': 0, 'messages.title': 0, words: 0, submittedAt: 0 },
          },
        );
        expect(summaries).toEqual([
          {
            _id: 'b',
            title: 'Judul b',
            messages: [{ messageId: 'b-1', hidden: { reason: 'Data pribadi' } }, { messageId: 'b-2' }],
          },
          {
            _id: 'a',
            title: 'Judul a',
            messages: [{ messageId: 'a-1', hidden: { reason: 'Data pribadi' } }, { messageId: 'a-2' }],
          },
        ]);
        expect(await store.find(c, { _id: 'a' }, { projection: { title: 1 } })).toEqual([
          { _id: 'a', title: 'Judul a' },
        ]);
      });

      it('finds one, counts, and returns documents exactly as written', async () => {
        const c = await seeded();
        expect(await store.findOne(c, { _id: 'v1' })).toEqual(villages[0]);
        expect(await store.findOne(c, { _id: 'nope' })).toBeUndefined();
        expect(await store.count(c, { 'region.regency': '62.06' })).toBe(3);
        expect(await store.count(c)).toBe(4);
        expect(await store.find(uniqueName('empty'))).toEqual([]);
      });
    });

    describe('guarded writes', () => {
      it('applies a newer version and ignores an older or equal one, so a replayed batch is harmless', async () => {
        const c = await seeded();
        await commit(c, [{ ...villages[0], endorsements: 13 }], 11n);
        await commit(c, [{ ...villages[0], endorsements: 99 }], 11n);
        await commit(c, [{ ...villages[0], endorsements: 1 }], 9n);
        expect((await store.findOne(c, { _id: 'v1' }))?.endorsements).toBe(13);
      });

      it('deletes documents, also guarded by position', async () => {
        const c = await seeded();
        await store.commit({
          writes: [{ collection: c, position: 5n, delete: 'v2' }],
          changes: [],
          checkpoint: { name: uniqueName('cp'), position: 5n },
        });
        expect(await store.findOne(c, { _id: 'v2' })).toBeDefined();
        await store.commit({
          writes: [{ collection: c, position: 12n, delete: 'v2' }],
          changes: [],
          checkpoint: { name: uniqueName('cp'), position: 12n },
        });
        expect(await store.findOne(c, { _id: 'v2' })).toBeUndefined();
      });

      it('lands every batch committed at once under one checkpoint name (erasures from several requests)', async () => {
        const c = uniqueName('together');
        const name = uniqueName('cp');
        await Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            store.commit({
              writes: [{ collection: c, position: 1n, document: { _id: `d${i}` } }],
              changes: [],
              checkpoint: { name, position: 0n },
            }),
          ),
        );
        expect(await store.count(c)).toBe(24);
      });

      it('orders positions beyond 2^64 correctly', async () => {
        const c = uniqueName('big');
        const high = 2n ** 64n * 5n + 7n;
        await commit(c, [{ _id: 'x', n: 1 }], high);
        await commit(c, [{ _id: 'x', n: 2 }], 2n ** 64n * 4n);
        await commit(c, [{ _id: 'x', n: 3 }], high + 1n);
        expect((await store.findOne(c, { _id: 'x' }))?.n).toBe(3);
      });

      it('records the checkpoint of each projection', async () => {
        const name = uniqueName('cp');
        expect(await store.checkpoint(name)).toBeUndefined();
        await store.commit({ writes: [], changes: [], checkpoint: { name, position: 42n } });
        expect(await store.checkpoint(name)).toBe(42n);
        await store.commit({ writes: [], changes: [], checkpoint: { name, position: 2n ** 70n } });
        expect(await store.checkpoint(name)).toBe(2n ** 70n);
      });

      it('keeps unicode, nested objects and arrays intact', async () => {
        const c = uniqueName('text');
        const doc = {
          _id: 'm',
          title: 'Jembatan putus — “darurat” 🚧',
          nested: { list: [1, 'dua', { tiga: true }], none: null },
        };
        await commit(c, [doc], 1n);
        expect(await store.findOne(c, { _id: 'm' })).toEqual(doc);
      });
    });

    describe('change log', () => {
      const change = (position: bigint, topic: string): ChangeEntry => ({
        position,
        topic,
        eventType: 'AspirationVerified',
        payloads: { public: { status: 'verified', topic } },
      });

      it('reads changes after a position in order, by topic, without duplicates from a replayed batch', async () => {
        const base = BigInt(Date.now()) * 1000n;
        const topic = uniqueName('aspiration');
        const other = uniqueName('region');
        const changes = [
          change(base + 1n, topic),
          change(base + 1n, other),
          change(base + 2n, topic),
          change(base + 3n, topic),
        ];
        const batch = { writes: [], changes, checkpoint: { name: uniqueName('cp'), position: base + 3n } };
        await store.commit(batch);
        await store.commit(batch);
        const mine = await store.readChanges({ after: base, topics: [topic], limit: 10 });
        expect(mine).toEqual([changes[0], changes[2], changes[3]]);
        expect(await store.readChanges({ after: base + 1n, topics: [topic], limit: 1 })).toEqual([
          changes[2],
        ]);
        const both = await store.readChanges({ after: base, topics: [topic, other], limit: 10 });
        expect(both.map((c) => [c.position, c.topic])).toEqual([
          [base + 1n, [topic, other].sort()[0]],
          [base + 1n, [topic, other].sort()[1]],
          [base + 2n, topic],
          [base + 3n, topic],
        ]);
      });

      it("tells this process's listeners after each batch it commits, until they stop listening", async () => {
        const heard: string[] = [];
        const stop = store.onCommit(() => heard.push('first'));
        store.onCommit(() => {
          throw new Error('a listener that fails');
        });
        const batchAt = (position: bigint) => ({
          writes: [],
          changes: [],
          checkpoint: { name: uniqueName('cp'), position },
        });
        await store.commit(batchAt(1n));
        expect(heard).toEqual(['first']);
        stop();
        await store.commit(batchAt(2n));
        expect(heard).toEqual(['first']);
      });

      it('trims old changes', async () => {
        const base = BigInt(Date.now()) * 1000n + 500n;
        const topic = uniqueName('feed');
        await store.commit({
          writes: [],
          changes: [change(base + 1n, topic), change(base + 2n, topic)],
          checkpoint: { name: uniqueName('cp'), position: base + 2n },
        });
        await store.trimChanges(base + 1n);
        expect(await store.readChanges({ after: 0n, topics: [topic], limit: 10 })).toEqual([
          change(base + 2n, topic),
        ]);
      });

      it('rewrites the entries whose payloads name a person, wherever, and no other (erasure)', async () => {
        const base = BigInt(Date.now()) * 1000n + 700n;
        const topic = uniqueName('aspiration');
        const person = uniqueName('citizen');
        const entry = (position: bigint, payloads: Record<string, unknown>): ChangeEntry => ({
          position,
          topic,
          eventType: 'CitizenReplied',
          payloads,
        });
        const entries = [
          entry(base + 1n, { submitter: { message: { actor: { id: person, role: 'citizen' } } } }),
          entry(base + 2n, { public: { ids: ['someone-else', person] } }),
          // Another id that merely starts like this one is not this person.
          entry(base + 3n, { public: { actor: { id: `${person}0`, role: 'citizen' } } }),
        ];
        await store.commit({
          writes: [],
          changes: entries,
          checkpoint: { name: uniqueName('cp'), position: base + 3n },
        });
        const redact = (payloads: Readonly<Record<string, unknown>>) =>
          JSON.parse(JSON.stringify(payloads).replaceAll(JSON.stringify(person), 'null'));

        expect(await store.purgeChanges(person, redact)).toBe(2);
        expect(await store.readChanges({ after: base, topics: [topic], limit: 10 })).toEqual([
          entry(base + 1n, { submitter: { message: { actor: { id: null, role: 'citizen' } } } }),
          entry(base + 2n, { public: { ids: ['someone-else', null] } }),
          entries[2],
        ]);
        expect(await store.purgeChanges(person, redact)).toBe(0);
      });
    });

    describe('indexes, collections, leases and aliases', () => {
      it('declares indexes idempotently and drops collections', async () => {
        const c = await seeded();
        await store.ensureIndexes(c, [{ fields: { status: 1 } }]);
        expect(await store.count(c, { status: 'in_progress' })).toBe(2);
        await store.dropCollection(c);
        expect(await store.count(c)).toBe(0);
      });

      it('grants a lease to one holder at a time until it expires or is released', async () => {
        const lease = uniqueName('lease');
        const t0 = new Date('2026-11-27T00:00:00Z');
        const at = (ms: number) => new Date(t0.getTime() + ms);
        expect(await store.acquireLease(lease, 'instance-a', 10_000, t0)).toBe(true);
        expect(await store.acquireLease(lease, 'instance-b', 10_000, at(5_000))).toBe(false);
        expect(await store.acquireLease(lease, 'instance-a', 10_000, at(6_000))).toBe(true);
        expect(await store.acquireLease(lease, 'instance-b', 10_000, at(15_000))).toBe(false);
        expect(await store.acquireLease(lease, 'instance-b', 10_000, at(16_001))).toBe(true);
        await store.releaseLease(lease, 'instance-b');
        expect(await store.acquireLease(lease, 'instance-a', 10_000, at(16_002))).toBe(true);
      });

      it("times a lease by the store's own clock when the caller gives no time", async () => {
        const lease = uniqueName('lease');
        expect(await store.acquireLease(lease, 'instance-a', 60_000)).toBe(true);
        expect(await store.acquireLease(lease, 'instance-b', 60_000)).toBe(false);
        expect(await store.acquireLease(lease, 'instance-a', 60_000)).toBe(true);
        await store.releaseLease(lease, 'instance-a');
        expect(await store.acquireLease(lease, 'instance-b', 60_000)).toBe(true);
        expect(await store.acquireLease(lease, 'instance-c', 60_000)).toBe(false);
        const short = uniqueName('lease');
        expect(await store.acquireLease(short, 'instance-b', 200)).toBe(true);
        // Real time must pass for a lease to expire on the store's clock: wait for it, with a deadline.
        await waitFor(
          () => store.acquireLease(short, 'instance-c', 60_000),
          "instance-b's 200 ms lease to expire",
        );
        expect(await store.acquireLease(short, 'instance-b', 60_000)).toBe(false);
      });

      it('hands over at once a lease whose holder the caller knows is gone, and no other', async () => {
        const lease = uniqueName('lease');
        const t0 = new Date('2026-11-27T00:00:00Z');
        const at = (ms: number) => new Date(t0.getTime() + ms);
        const crashedIsGone = (holder: string) => holder === 'crashed';
        expect(await store.acquireLease(lease, 'crashed', 60_000, t0)).toBe(true);
        expect(await store.acquireLease(lease, 'successor', 60_000, at(1_000))).toBe(false);
        expect(await store.acquireLease(lease, 'successor', 60_000, at(1_000), crashedIsGone)).toBe(true);
        expect(await store.acquireLease(lease, 'third', 60_000, at(2_000), crashedIsGone)).toBe(false);
        expect(await store.acquireLease(lease, 'successor', 60_000, at(3_000), crashedIsGone)).toBe(true);
      });

      it('lets exactly one of two racing instances take a free lease', async () => {
        const lease = uniqueName('lease');
        const now = new Date();
        const results = await Promise.all(
          ['a', 'b', 'c'].map((holder) => store.acquireLease(lease, holder, 10_000, now)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('points a read model name at a physical collection', async () => {
        const name = uniqueName('threads');
        expect(await store.alias(name)).toBeUndefined();
        await store.setAlias(name, `${name}_v1`);
        await store.setAlias(name, `${name}_v2`);
        expect(await store.alias(name)).toBe(`${name}_v2`);
      });
    });
  });
}
