import Database from 'better-sqlite3';
import fc from 'fast-check';
import { find as mingoFind } from 'mingo';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Doc } from './document-store.port';
import { SqliteDocumentStore } from './sqlite-document-store';

const dir = mkdtempSync(join(tmpdir(), 'suara-ordered-'));
let files = 0;
const freshFile = () => join(dir, `docs-${++files}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (document: Doc, position: bigint) => ({ collection: 'threads', position, document });
const commit = (store: SqliteDocumentStore, documents: readonly Doc[]) =>
  store.commit({
    writes: documents.map((document, i) => write(document, BigInt(i + 1))),
    changes: [],
    checkpoint: { name: 'threads', position: BigInt(documents.length) },
  });

/** What MongoDB (here: mingo over every document) answers. */
const reference = (
  docs: readonly Doc[],
  filter: object,
  sort: Record<string, 1 | -1>,
  skip: number,
  limit: number,
) =>
  mingoFind([...docs], filter)
    .sort(sort)
    .skip(skip)
    .limit(limit)
    .all();

// Values SQLite orders as MongoDB does, and values it orders apart (booleans, objects, arrays). No characters in
// U+E000–U+FFFF: against one above U+FFFF, SQLite and MongoDB (UTF-8 bytes) and mingo (UTF-16 units) disagree.
const scalar = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ min: -5, max: 5, noNaN: true }),
  fc.string({ unit: fc.constantFrom('a', 'b', 'B', '0', ' ', '[', '{', 'é', '😀'), maxLength: 3 }),
);
const apart = fc.oneof(
  fc.boolean(),
  fc.constant({ a: 1 }),
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 2 }),
);

const documents = (value: fc.Arbitrary<unknown>) =>
  fc.uniqueArray(
    fc.record(
      {
        _id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 4 }),
        n: value,
        s: value,
        kind: fc.constantFrom('x', 'y'),
        createdAt: fc.constantFrom('2026-11-30T00:00:00.000Z', '2026-11-30T02:00:00.000Z', 'é', 7),
      },
      { requiredKeys: ['_id', 'kind'] },
    ),
    { selector: (doc) => doc._id, maxLength: 30 },
  );

describe('sorted pages read in order from SQLite', () => {
  it('are the page MongoDB would answer, whatever the values, directions, filter, skip and limit (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(documents(scalar), documents(fc.oneof(scalar, apart))),
        fc.constantFrom<Array<Record<string, 1 | -1>>>(
          { n: 1, _id: 1 },
          { n: -1, _id: -1 },
          { n: -1, s: 1, _id: 1 },
          { s: 1, _id: -1 },
          { _id: -1 },
        ),
        fc.constantFrom<Record<string, unknown>>(
          {},
          { kind: 'x' },
          { n: { $gte: 0 } },
          { n: 1 },
          { $or: [{ s: 'a' }] },
          { s: { $gt: 'a' } },
          { s: { $lte: 'B', $gte: ' ' } },
          { createdAt: { $gt: '2026-11-30T01:00:00.000Z' } },
          { $or: [{ kind: 'y' }, { s: 'a' }] },
        ),
        fc.nat(3),
        fc.integer({ min: 1, max: 8 }),
        async (docs, sort, filter, skip, limit) => {
          const store = new SqliteDocumentStore(freshFile());
          try {
            await store.ensureIndexes('threads', [{ fields: sort }]);
            await commit(store, docs);
            const page = await store.find('threads', filter, { sort, skip, limit });
            // As stored: JSON has no -0.
            expect(page).toEqual(reference(JSON.parse(JSON.stringify(docs)), filter, sort, skip, limit));
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('walks the index that serves the sort, never sorting the collection in memory', async () => {
    const store = new SqliteDocumentStore(freshFile());
    await store.ensureIndexes('threads', [{ fields: { submittedAt: -1, _id: -1 } }]);
    const plan = store.queryPlan('threads', { published: true }, { submittedAt: -1, _id: -1 }).join('\n');
    expect(plan).toMatch(/USING INDEX doc_threads__/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    await store.close();
  });

  it.each([
    ['a public feed page', { $or: [{ published: true }] }, { submittedAt: -1, _id: -1 }, { published: 1 }],
    [
      "an agency's inbox page",
      { $and: [{ agencyId: 'dinas-pupr', status: 'in_progress' }] },
      { dueSort: 1, _id: 1 },
      { agencyId: 1, status: 1 },
    ],
  ] as const)(
    'seeks %s by its filter and reads it in order from one index, once its fields are known to hold no arrays',
    async (_, filter, sort, prefix) => {
      const store = new SqliteDocumentStore(freshFile());
      await store.ensureIndexes('threads', [{ fields: { ...prefix, ...sort } }]);
      await commit(store, [
        {
          _id: 'a',
          published: true,
          submittedAt: '2026-11-30',
          agencyId: 'dinas-pupr',
          status: 'in_progress',
          dueSort: 1,
        },
      ]);
      const plan = store.queryPlan('threads', filter, sort).join('\n');
      expect(plan).toMatch(/SEARCH doc_threads USING INDEX doc_threads__\w+ \(<expr>=/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
      await store.close();
    },
  );

  it('meets a value SQLite orders apart in a collection written before it kept track of them', async () => {
    const file = freshFile();
    const store = new SqliteDocumentStore(file);
    await commit(store, [
      { _id: 'a', n: 3 },
      { _id: 'b', n: 9 },
    ]);
    // As an older version left it: the row array-valued, and no record of the collection's fields.
    const db = new Database(file);
    db.prepare("UPDATE doc_threads SET body = json_set(body, '$.n', json('[1]')) WHERE id = 'a'").run();
    db.prepare('DELETE FROM field_kinds').run();
    db.prepare('DELETE FROM field_kinds_known').run();
    db.close();
    // MongoDB sorts an array by its largest element in a descending sort, before every number.
    const page = await store.find('threads', {}, { sort: { n: -1, _id: 1 }, limit: 1 });
    expect(page.map((doc) => doc._id)).toEqual(['b']);
    await store.close();
  });
});
