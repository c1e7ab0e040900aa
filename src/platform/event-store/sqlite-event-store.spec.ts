import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventStoreContract } from './testing/event-store.contract';
import { findChainBreak } from './event-hash';
import { SqliteEventStore } from './sqlite-event-store';
import { testEvent } from './testing/test-events';

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

describe('SQLite rows damaged on disk', () => {
  it('reads a row whose JSON no longer parses as an event that fails its hash, not as a crash', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    await store.append('s-1', [testEvent('a'), testEvent('b')], 'no_stream');
    const editor = new Database(file);
    // One flipped bit turns the closing brace into a '}' lookalike that JSON cannot parse ('}' ^ 0x01 = '|').
    editor
      .prepare("UPDATE events SET data = substr(data, 1, length(data) - 1) || '|' WHERE revision = 1")
      .run();
    editor.close();
    const events = await store.readStream('s-1');
    expect(findChainBreak(events)).toEqual({ revision: 1, eventId: events[1].id, reason: 'hash_mismatch' });
    expect((await store.readAll()).map((e) => e.revision)).toEqual([0, 1]);
    await store.close();
  });

  it('reports a full database as SQLITE_FULL and writes nothing', async () => {
    const file = freshFile();
    const store = new SqliteEventStore(file);
    await store.append('s-1', [testEvent('a')], 'no_stream');
    const db = (store as unknown as { db: Database.Database }).db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    const padded = () => testEvent('big', { padding: 'x'.repeat(8_000) });
    await expect(store.append('s-2', [padded()], 'no_stream')).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(await store.readStream('s-2')).toEqual([]);
    await store.close();
  });
});

describe('SQLite appends onto a head the caller read', () => {
  it('refuses a head of the right revision but another hash: a history this file does not hold', async () => {
    const store = new SqliteEventStore(freshFile());
    await store.append('s-1', [testEvent('a')], 'no_stream');
    const [head] = await store.readStream('s-1');
    await expect(
      store.append('s-1', [testEvent('b')], { revision: 0, hash: 'f'.repeat(64) }),
    ).rejects.toThrow('Stream s-1: revision 0 is not the event the appender read');
    await store.append('s-1', [testEvent('b')], { revision: 0, hash: head.hash });
    expect(await store.readStream('s-1')).toHaveLength(2);
    await store.close();
  });
});
