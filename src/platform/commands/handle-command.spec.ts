import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Decider, DomainEvent } from '../domain/decider';
import { conflict } from '../domain/domain-errors';
import { EventLog } from '../event-log/event-log';
import { EventSealer } from '../event-log/event-sealer';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { ExpectedRevision, NewEvent } from '../event-store/stored-event';
import { commandIdFor, requestDigestOf } from '../ids';
import { SqliteKeyStore } from '../personal-data/sqlite-key-store';
import { IdempotencyKeyReusedError } from './command-errors';
import { handleCommand, MAX_RETRY_DELAY_MS, retryDelayMs } from './handle-command';

// A tally that refuses to go past a limit: just enough domain to exercise the shared command path.
type Add = Command<'Add', { amount: number }>;
type Added = DomainEvent<'Added', { amount: number }>;
const tally: Decider<Add, Added, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.amount,
  decide: (command, total) => {
    if (total + command.data.amount > 10) throw conflict('over_limit', 'The tally may not pass 10');
    return command.data.amount === 0 ? [] : [{ type: 'Added', data: { amount: command.data.amount } }];
  },
};

describe('handleCommand: read, fold, decide, append', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-commands-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const log = new EventLog(store, new EventSealer(keys, () => []));
  afterAll(async () => Promise.all([store.close(), keys.close()]));
  const now = new Date('2026-11-27T03:00:00Z');

  const add = (stream: string, amount: number, key?: string) =>
    handleCommand(log, tally, {
      stream,
      command: {
        type: 'Add',
        data: { amount },
        metadata: { actor: { id: 'citizen-1', role: 'citizen' }, now },
      },
      commandId: commandIdFor('citizen-1', key),
      requestDigest: requestDigestOf('Add', stream, { amount }),
      correlationId: 'corr-1',
    });

  it('appends the decided events and returns their position', async () => {
    const first = await add('tally-1', 3);
    const second = await add('tally-1', 4);
    expect(first).toEqual({ position: expect.any(BigInt), revision: 0, replayed: false });
    expect(second.revision).toBe(1);
    expect(second.position! > first.position!).toBe(true);
  });

  it('returns the original result for a retried command without deciding again', async () => {
    const original = await add('tally-2', 6, 'key-1');
    const retried = await add('tally-2', 6, 'key-1');
    expect(retried).toEqual({ ...original, replayed: true });
    expect(await store.readStream('tally-2')).toHaveLength(1);
  });

  it('refuses the same key with another body and writes nothing', async () => {
    await add('tally-3', 2, 'key-2');
    await expect(add('tally-3', 5, 'key-2')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream('tally-3')).toHaveLength(1);
  });

  it('refuses the same key with another body when both race, so neither can pass for a retry', async () => {
    const outcomes = await Promise.allSettled([add('tally-7', 2, 'key-7'), add('tally-7', 3, 'key-7')]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream('tally-7')).toHaveLength(1);
  });

  it('appends onto the head it read, hash included, so a server-backed store need not read it again', async () => {
    const expectations: ExpectedRevision[] = [];
    const recording = new Proxy(store, {
      get(target, name) {
        if (name === 'append')
          return (stream: string, events: NewEvent[], expected: ExpectedRevision) => {
            expectations.push(expected);
            return target.append(stream, events, expected);
          };
        const value = Reflect.get(target, name);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const recordingLog = new EventLog(recording, new EventSealer(keys, () => []));
    const addVia = (amount: number) =>
      handleCommand(recordingLog, tally, {
        stream: 'tally-8',
        command: {
          type: 'Add',
          data: { amount },
          metadata: { actor: { id: 'official-1', role: 'admin' }, now },
        },
        commandId: commandIdFor('official-1', undefined),
        requestDigest: requestDigestOf('Add', 'tally-8', { amount }),
        correlationId: 'corr-8',
      });
    await addVia(1);
    await addVia(2);
    const [first] = await store.readStream('tally-8');
    expect(expectations).toEqual(['no_stream', { revision: 0, hash: first.hash }]);
  });

  it('writes nothing when the decider refuses', async () => {
    await add('tally-4', 9);
    await expect(add('tally-4', 5)).rejects.toMatchObject({ kind: 'conflict', code: 'over_limit' });
    expect(await store.readStream('tally-4')).toHaveLength(1);
  });

  it('retries on a concurrency conflict, deciding again on the fresh state', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => add('tally-5', 3)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(['over_limit', 'over_limit']);
    expect(await store.readStream('tally-5')).toHaveLength(3);
  });

  it('lets 64 concurrent commands on one stream all succeed: retries back off at random', async () => {
    const thread = { ...tally, decide: (command: Add) => [{ type: 'Added' as const, data: command.data }] };
    const reply = (i: number) =>
      handleCommand(log, thread, {
        stream: 'thread-64',
        command: {
          type: 'Add',
          data: { amount: 1 },
          metadata: { actor: { id: `citizen-${i}`, role: 'citizen' }, now: new Date('2026-11-27T03:00:00Z') },
        },
        commandId: commandIdFor(`citizen-${i}`, `reply-${i}`),
        requestDigest: requestDigestOf('Add', 'thread-64', { amount: 1, i }),
        correlationId: `corr-${i}`,
      });
    const results = await Promise.allSettled(Array.from({ length: 64 }, (_, i) => reply(i)));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual([]);
    expect(await store.readStream('thread-64')).toHaveLength(64);
  });

  it('waits a random share of a growing backoff between attempts, drawn from the injected source', () => {
    const delays = [1, 2, 3, 8].map((attempt) => retryDelayMs(attempt, () => 1));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(retryDelayMs(3, () => 0)).toBe(0);
    expect(retryDelayMs(50, () => 0.999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
  });

  it('records the command and its actor in the metadata of each event', async () => {
    await add('tally-6', 1, 'key-6');
    const [opened] = await log.read('tally-6');
    expect(opened.metadata).toMatchObject({
      actor: 'citizen-1',
      role: 'citizen',
      commandId: commandIdFor('citizen-1', 'key-6'),
    });
    expect(opened.recorded.metadata.actor).toHaveProperty('$enc');
  });

  it('reads a stream whole when its kept fold is ahead of the file, rather than retrying to exhaustion', async () => {
    await add('tally-9', 1);
    await add('tally-9', 2);
    // Restored from an older copy, say: the file lost the last event the kept fold has seen.
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream = 'tally-9' AND revision = 1").run();
    db.close();
    const once = { maxAttempts: 2, delayMs: () => 0 };
    const request = {
      stream: 'tally-9',
      command: {
        type: 'Add' as const,
        data: { amount: 4 },
        metadata: { actor: { id: 'citizen-1', role: 'citizen' as const }, now },
      },
      commandId: commandIdFor('citizen-1', 'after-restore'),
      requestDigest: requestDigestOf('Add', 'tally-9', { amount: 4 }),
      correlationId: 'corr-9',
    };
    expect(await handleCommand(log, tally, request, once)).toMatchObject({ revision: 1, replayed: false });
    expect((await store.readStream('tally-9')).map((e) => e.data)).toEqual([{ amount: 1 }, { amount: 4 }]);
  });
});
