import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventStoreContract } from './testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'suara-events-')), 'events.sqlite');

eventStoreContract('SQLite', () => ({ kind: 'sqlite', file: freshFile() }));

describe('SQLite event store durability settings', () => {
  it('commits in WAL mode with synchronous=FULL before acknowledging', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    await store.append(
      's-1',
      [{ id: 'e-1', type: 'T', schemaVersion: 1, data: {}, metadata: {}, keyIds: [] }],
      'no_stream',
    );
    const db = (store as unknown as { db: Database.Database }).db;
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Acknowledged means committed: another connection already sees it.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 1 });
    reader.close();
    await store.close();
  });
});

describe('SQLite files', () => {
  it('are readable by their owner only', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.close();
  });
});
