import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainVerifier } from '../integrity/chain-verifier';
import { findChainBreak } from './event-hash';
import { SqliteEventStore } from './sqlite-event-store';
import { testEvent } from './testing/test-events';

describe('events read again from the embedded log', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'suara-recent-')), 'events.sqlite');
  const store = new SqliteEventStore(file);
  afterAll(() => store.close());

  it('are the same frozen event while their row is unchanged, so each reader need not parse and hash it again', async () => {
    await store.append(
      'notes-1',
      [testEvent('a', { nested: { list: [1, 2] } }), testEvent('b')],
      'no_stream',
    );
    const [first, second] = [await store.readAll(), await store.readStream('notes-1')];
    expect(second[0]).toBe(first[0]);
    expect(Object.isFrozen(first[0].data)).toBe(true);
    expect(Object.isFrozen((first[0].data.nested as { list: number[] }).list)).toBe(true);
    expect(() => ((first[0].data as { label: string }).label = 'changed')).toThrow(TypeError);
  });

  it('are made anew, and fail their check, once their row was edited on disk', async () => {
    await store.append('notes-2', [testEvent('a'), testEvent('b')], 'no_stream');
    const before = await store.readStream('notes-2');
    expect(findChainBreak(before)).toBeUndefined();
    const db = new Database(file);
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.label', 'edited') WHERE stream = 'notes-2' AND revision = 1",
    ).run();
    db.close();
    const after = await store.readStream('notes-2');
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(findChainBreak(after)).toMatchObject({ revision: 1, reason: 'hash_mismatch' });
    const verifier = new ChainVerifier(store);
    expect(await verifier.firstBreak(after)).toMatchObject({ index: 1 });
  });
});
