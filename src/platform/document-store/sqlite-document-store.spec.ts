import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Doc, ProjectionCommit } from './document-store.port';
import { prefilter, SqliteDocumentStore } from './sqlite-document-store';
import { documentStoreContract } from './testing/document-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'suara-docs-'));
let files = 0;
const freshFile = () => join(dir, `docs-${++files}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

documentStoreContract('SQLite', async () => new SqliteDocumentStore(freshFile()));

describe('SqliteDocumentStore', () => {
  let file: string;
  let store: SqliteDocumentStore;
  beforeEach(() => (store = new SqliteDocumentStore((file = freshFile()))));
  afterEach(() => store.close());

  const write = (collection: string, document: Doc, position = 1n) => ({ collection, position, document });
  const batch = (writes: ProjectionCommit['writes'], position = 1n): ProjectionCommit => ({
    writes,
    changes: [
      { position, topic: 'aspiration-1', eventType: 'AspirationSubmitted', payloads: { public: {} } },
    ],
    checkpoint: { name: 'threads', position },
  });

  it('creates each declared index once, as an expression index the planner uses for equality and $in', async () => {
    await store.ensureIndexes('threads', [{ fields: { status: 1 } }, { fields: { 'region.regency': 1 } }]);
    await store.ensureIndexes('threads', [{ fields: { status: 1 } }]);
    const db = new Database(file, { readonly: true });
    const indexes = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_threads' AND sql IS NOT NULL",
      )
      .all();
    db.close();
    expect(indexes).toHaveLength(2);
    expect(indexes.map((i) => i.sql).join('\n')).toContain("json_extract(body, '$.status')");
    const statusIndex = indexes.find((i) => i.sql.includes("'$.status'"))!.name;
    expect(store.queryPlan('threads', { status: 'verified' }).join('\n')).toContain(statusIndex);
    expect(store.queryPlan('threads', { status: { $in: ['a', 'b'] } }).join('\n')).toContain(statusIndex);
    expect(store.queryPlan('threads', { _id: 'x' }).join('\n')).toMatch(/sqlite_autoindex_doc_threads/);
  });

  it('keeps the documents MongoDB would match through arrays, however the SQL prefilter narrows', async () => {
    await store.ensureIndexes('threads', [{ fields: { status: 1 } }, { fields: { 'region.regency': 1 } }]);
    const docs: Doc[] = [
      { _id: 'scalar', status: 'open', region: { regency: '62.06' }, n: 5 },
      { _id: 'leaf-array', status: ['closed', 'open'], region: { regency: ['62.06'] }, n: [1, 9] },
      { _id: 'step-array', status: 'closed', region: [{ regency: '62.06' }], n: '5' },
      { _id: 'other', status: 'closed', region: { regency: '62.71' }, n: 7 },
    ];
    await store.commit(batch(docs.map((d) => write('threads', d))));
    const ids = async (filter: Record<string, unknown>) =>
      (await store.find('threads', filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ status: 'open' })).toEqual(['leaf-array', 'scalar']);
    expect(await ids({ 'region.regency': '62.06' })).toEqual(['leaf-array', 'scalar', 'step-array']);
    expect(await ids({ 'region.regency': { $in: ['62.06'] }, n: { $lt: 6 } })).toEqual([
      'leaf-array',
      'scalar',
    ]);
    expect(await ids({ $and: [{ status: 'closed' }, { n: { $gte: 7 } }] })).toEqual(['leaf-array', 'other']);
    expect(await store.count('threads', { n: 5 })).toBe(1);
  });

  it('narrows only on conditions it can express, leaving the rest to mingo', () => {
    expect(prefilter({ status: 'a', closedAt: { $exists: true }, name: /x/ }).params).toEqual(['a']);
    expect(
      prefilter({ $or: [{ status: 'a' }, { status: 'b' }], 'bad-field': 'b', title: 'x\ud800' }),
    ).toEqual({ where: '1', params: [] });
    // The only branch of an $or must hold; a boolean is compared as SQLite reads it (1), a superset.
    expect(prefilter({ $or: [{ published: true }] }).params).toEqual([1]);
    // A top-level field known never to have held an array is compared exactly, so its index is sought.
    expect(prefilter({ status: 'a', tags: 'x' }, new Set(['tags'])).where).toBe(
      "json_extract(body, '$.status') = ? AND ((json_extract(body, '$.tags') = ?) OR " +
        "(json_extract(body, '$.tags') >= '[' AND json_extract(body, '$.tags') < '\\'))",
    );
    // Ranges on numbers, and on strings of ASCII alone (where UTF-8 and UTF-16 order alike).
    expect(prefilter({ n: { $gt: 'b', $lte: 4 }, t: { $lt: 'ü' } }).params).toEqual(['b', 4]);
  });

  it("seeks a time window of one person's records by index, not every record they ever had", async () => {
    await store.ensureIndexes('deliveries', [{ fields: { personKey: 1, channel: 1, createdAt: 1 } }]);
    await store.commit(
      batch([
        write('deliveries', {
          _id: 'd1',
          personKey: 'p',
          channel: 'email',
          createdAt: '2026-11-30T01:00:00Z',
        }),
      ]),
    );
    const window = { personKey: 'p', channel: 'email', createdAt: { $gt: '2026-11-30T00:00:00.000Z' } };
    expect(store.queryPlan('deliveries', window).join('\n')).toMatch(
      /\(<expr>=\? AND <expr>=\? AND <expr>>\?\)/,
    );
    expect(await store.count('deliveries', window)).toBe(1);
  });

  it.each([
    ['an invalid collection name', write('bad-name!', { _id: 'b' })],
    ['a document that is not JSON', write('threads', { _id: 'b', big: 1n })],
  ])('commits a batch atomically: %s midway leaves nothing behind', async (_, failing) => {
    await expect(store.commit(batch([write('threads', { _id: 'a' }), failing], 5n))).rejects.toThrow();
    expect(await store.count('threads')).toBe(0);
    expect(await store.checkpoint('threads')).toBeUndefined();
    expect(await store.readChanges({ limit: 10 })).toEqual([]);
    await store.commit(batch([write('threads', { _id: 'a' })], 5n));
    expect(await store.count('threads')).toBe(1);
    expect(await store.checkpoint('threads')).toBe(5n);
  });

  it('never moves a checkpoint backwards and serves a collection again after it was dropped', async () => {
    await store.commit(batch([write('threads', { _id: 'a' }, 7n)], 7n));
    await store.commit(batch([], 3n));
    expect(await store.checkpoint('threads')).toBe(7n);
    await store.dropCollection('threads');
    await store.commit(batch([write('threads', { _id: 'b' }, 8n)], 8n));
    expect((await store.find('threads')).map((d) => d._id)).toEqual(['b']);
  });

  it('grants a free lease to exactly one of two processes sharing the file', async () => {
    const other = new SqliteDocumentStore(file);
    const now = new Date();
    const results = [
      await store.acquireLease('projection:threads', 'a', 10_000, now),
      await other.acquireLease('projection:threads', 'b', 10_000, now),
    ];
    await other.close();
    expect(results).toEqual([true, false]);
  });

  it('enforces a unique index by failing the batch', async () => {
    await store.ensureIndexes('accounts', [{ fields: { email: 1 }, unique: true }]);
    await store.commit(batch([write('accounts', { _id: 'a', email: 'x@desa.id' })]));
    const outcome = await store
      .commit(batch([write('accounts', { _id: 'b', email: 'x@desa.id' }, 2n)], 2n))
      .then(
        () => 'committed',
        (error: Error) => error.message,
      );
    expect(outcome).toMatch(/UNIQUE/);
    expect(await store.count('accounts')).toBe(1);
    expect(await store.checkpoint('threads')).toBe(1n);
  });

  it('leaves no byte of a rewritten document or purged change in the file or its write-ahead log', async () => {
    const person = 'citizen-4d1c9f0e-marker';
    const named = { _id: 't1', submittedBy: person, padding: 'x'.repeat(6_000) };
    await store.commit({
      writes: [write('threads', named)],
      changes: [
        { position: 1n, topic: 'feed', eventType: 'Submitted', payloads: { public: { by: person } } },
      ],
      checkpoint: { name: 'threads', position: 1n },
    });
    // As time passes, SQLite moves the pages into the main file: the old versions then sit there.
    const other = new Database(file);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    await store.commit(batch([write('threads', { _id: 't1', submittedBy: null }, 2n)], 2n));
    await store.purgeChanges(person, () => ({ public: { by: null } }));
    const bytes = ['', '-wal']
      .filter((suffix) => existsSync(file + suffix))
      .map((s) => readFileSync(file + s));
    expect(bytes.some((content) => content.includes(person))).toBe(false);
    expect((await store.readChanges({ limit: 10 }))[0].payloads).toEqual({ public: { by: null } });
  });
});
