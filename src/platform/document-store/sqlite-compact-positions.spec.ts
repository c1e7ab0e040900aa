import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactPosition, positionFromCompact, storedPosition } from './positions';
import { SqliteDocumentStore } from './sqlite-document-store';

const dir = mkdtempSync(join(tmpdir(), 'suara-positions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Positions of both stores: SQLite's sequence numbers and EventStoreDB's commit·2^64 + prepare. */
const position = fc.bigInt({ min: 0n, max: 2n ** 128n - 1n });
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('compact positions', () => {
  it('sort as text as the positions sort as numbers, and read back as they were', () =>
    fc.assert(
      fc.property(position, position, (a, b) => {
        expect(positionFromCompact(compactPosition(a))).toBe(a);
        expect(Math.sign(byText(compactPosition(a), compactPosition(b)))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    ));

  it('read the fixed-width form of an older file too', () =>
    fc.assert(fc.property(position, (a) => expect(positionFromCompact(storedPosition(a))).toBe(a))));

  it('are what an older file holds after it is opened: documents, checkpoints and change log, in order, and only those', async () => {
    const file = join(dir, 'older.sqlite');
    const older = new Database(file);
    older.exec(`
      CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
      CREATE TABLE doc_threads (id TEXT PRIMARY KEY, position TEXT NOT NULL, body TEXT NOT NULL);
      CREATE TABLE changes (position TEXT NOT NULL, topic TEXT NOT NULL, event_type TEXT NOT NULL,
        payloads TEXT NOT NULL, PRIMARY KEY (position, topic)) WITHOUT ROWID;
      CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL);
      INSERT INTO events VALUES (7, 'not the document store''s');`);
    older.prepare("INSERT INTO checkpoints VALUES ('threads', ?)").run(storedPosition(12n));
    older
      .prepare('INSERT INTO doc_threads VALUES (\'t1\', ?, \'{"_id":"t1","n":1}\')')
      .run(storedPosition(9n));
    for (const at of [9n, 12n])
      older
        .prepare("INSERT INTO changes VALUES (?, 'feed', 'Old', ?)")
        .run(storedPosition(at), JSON.stringify({ public: { at: Number(at) } }));
    older.close();

    const store = new SqliteDocumentStore(file);
    expect(await store.checkpoint('threads')).toBe(12n);
    expect((await store.readChanges({ after: 9n, limit: 10 })).map((c) => c.position)).toEqual([12n]);
    // Guarded writes compare with the rewritten positions: an older write is refused, a later one lands.
    const write = (at: bigint, n: number) =>
      store.commit({
        writes: [{ collection: 'threads', position: at, document: { _id: 't1', n } }],
        changes: [],
        checkpoint: { name: 'threads', position: at },
      });
    await write(8n, 2);
    expect(await store.findOne('threads', { _id: 't1' })).toEqual({ _id: 't1', n: 1 });
    await write(100n, 3);
    expect(await store.findOne('threads', { _id: 't1' })).toEqual({ _id: 't1', n: 3 });
    expect(await store.checkpoint('threads')).toBe(100n);
    store.close();

    const db = new Database(file, { readonly: true });
    const stored = db
      .prepare('SELECT position FROM changes UNION ALL SELECT position FROM checkpoints')
      .pluck()
      .all();
    const foreign = db.prepare('SELECT position FROM events').pluck().all();
    db.close();
    expect(stored).toEqual(['A9', 'B12', 'C100']);
    expect(foreign).toEqual([7]);
  });
});
