import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Decider, DomainEvent } from '../domain/decider';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { IntegrityFailureError } from '../integrity/integrity-errors';
import { IntegrityMonitor } from '../integrity/integrity-monitor';
import { SqliteKeyStore } from '../personal-data/sqlite-key-store';
import { EventLog } from './event-log';
import { EventMetadata } from './event-metadata';
import { EventSealer } from './event-sealer';
import { StreamFolds } from './stream-folds';

// Notes by people: who wrote each is personal (sealed with their key), so erasure has something to erase.
type Noted = DomainEvent<'Noted', { by: string; n: number }>;
interface Notes {
  readonly count: number;
  readonly sum: number;
  readonly authors: ReadonlyArray<string | null>;
}
const notes: Decider<Command, Noted, Notes> = {
  initialState: { count: 0, sum: 0, authors: [] },
  evolve: (s, e) => ({ count: s.count + 1, sum: s.sum + e.data.n, authors: [...s.authors, e.data.by] }),
  decide: () => [],
};
const byIsPersonal = (event: DomainEvent) =>
  event.type === 'Noted' ? [{ field: 'by', subject: (event.data as Noted['data']).by }] : [];

const metadata = (commandId: string): EventMetadata => ({
  actor: 'fasil-1',
  role: 'facilitator',
  commandId,
  requestDigest: `digest-${commandId}`,
  correlationId: 'corr-1',
  causationId: commandId,
  occurredAt: '2026-11-30T01:00:00.000Z',
});

describe('folding a stream from its last fold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-folds-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const sealer = new EventSealer(keys, byIsPersonal);
  const integrity = new IntegrityMonitor({ error: () => undefined, log: () => undefined });
  const log = new EventLog(store, sealer, integrity);
  /** Another process on the same store, without this one's folds. */
  const other = new EventLog(store, sealer, new IntegrityMonitor());
  afterAll(async () => Promise.all([store.close(), keys.close()]));

  let commands = 0;
  const note = async (on: EventLog, stream: string, by: string, ns: number[]) => {
    const head = (await store.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0];
    const events = ns.map((n) => ({ type: 'Noted', data: { by, n } }));
    return on.append(stream, events, head ? head.revision : 'no_stream', metadata(`cmd-${++commands}`));
  };
  const wholeFold = (stream: string) =>
    new EventLog(store, sealer, new IntegrityMonitor()).fold(stream, notes);

  it('reads only the events appended since its last fold, and folds to the same state as a whole read', async () => {
    await note(
      log,
      'notes-a',
      'ani',
      Array.from({ length: 300 }, (_, i) => i),
    );
    const first = await log.fold('notes-a', notes);
    expect(first.eventsRead).toBe(300);
    await note(log, 'notes-a', 'budi', [1_000, 2_000]);
    const second = await log.fold('notes-a', notes);
    expect(second.eventsRead).toBe(2);
    expect(second.state).toEqual((await wholeFold('notes-a')).state);
    expect(second.head).toEqual((await wholeFold('notes-a')).head);
    expect((await log.fold('notes-a', notes)).eventsRead).toBe(0);
  });

  it('knows every command processed in the stream, with the last event each left', async () => {
    const appended = await note(log, 'notes-b', 'ani', [1, 2, 3]);
    await log.fold('notes-b', notes);
    const more = await note(other, 'notes-b', 'ani', [4]);
    const fold = await log.fold('notes-b', notes);
    expect(fold.commands.get(`cmd-${commands - 1}`)).toEqual({
      requestDigest: `digest-cmd-${commands - 1}`,
      position: appended.position,
      revision: 2,
    });
    expect(fold.commands.get(`cmd-${commands}`)).toMatchObject({ position: more.position, revision: 3 });
  });

  it('refuses new events that do not chain onto the head it verified, and reads the stream whole after that', async () => {
    await note(log, 'notes-c', 'ani', [1, 2]);
    await log.fold('notes-c', notes);
    await note(other, 'notes-c', 'ani', [3]);
    const db = new Database(file);
    db.prepare("UPDATE events SET previous_hash = 'f00d' WHERE stream = 'notes-c' AND revision = 2").run();
    db.close();
    await expect(log.fold('notes-c', notes)).rejects.toBeInstanceOf(IntegrityFailureError);
    expect(integrity.problems()).toMatchObject([
      { kind: 'integrity_failure', stream: 'notes-c', revision: 2 },
    ]);
    // Whole again: a read from revision 0 finds the same broken link.
    await expect(log.fold('notes-c', notes)).rejects.toMatchObject({ failure: { revision: 2 } });
  });

  it('folds a stream whole again once someone in it was erased, so no erased value lives on in a state', async () => {
    await note(log, 'notes-d', 'citra', [1]);
    await note(log, 'notes-d', 'dedi', [2]);
    expect((await log.fold('notes-d', notes)).state.authors).toEqual(['citra', 'dedi']);
    await keys.erase('citra');
    const fold = await log.fold('notes-d', notes);
    expect(fold.eventsRead).toBe(2);
    expect(fold.state.authors).toEqual([null, 'dedi']);
  });

  it('keeps the most recently used streams up to its capacity', () => {
    const folds = new StreamFolds(2);
    const fold = (revision: number) => ({
      state: 0,
      head: { revision, hash: 'h', position: 1n },
      commands: new Map(),
      keyIds: new Set<string>(),
      eventsRead: 1,
    });
    const decider = { initialState: 0, evolve: (s: number) => s, decide: () => [] };
    folds.keep('s1', decider, fold(0));
    folds.keep('s2', decider, fold(0));
    expect(folds.get('s1', decider)).toBeDefined();
    folds.keep('s3', decider, fold(0));
    expect([folds.get('s1', decider), folds.get('s2', decider), folds.get('s3', decider)]).toEqual([
      expect.anything(),
      undefined,
      expect.anything(),
    ]);
    // A slower command's older fold never replaces a newer one; another decider's fold is not this one's.
    folds.keep('s1', decider, fold(5));
    folds.keep('s1', decider, fold(3));
    expect(folds.get('s1', decider)!.head!.revision).toBe(5);
    expect(folds.get('s1', { ...decider })).toBeUndefined();
  });

  it('folds to what a whole read folds, whatever the interleaving of appends here and elsewhere (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            where: fc.constantFrom('here', 'elsewhere'),
            by: fc.constantFrom('ani', 'budi'),
            ns: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 4 }),
            foldAfter: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          const stream = `notes-p${++run}`;
          for (const { where, by, ns, foldAfter } of steps) {
            await note(where === 'here' ? log : other, stream, by, ns);
            if (foldAfter) await log.fold(stream, notes);
          }
          const [kept, whole] = [await log.fold(stream, notes), await wholeFold(stream)];
          expect(kept.state).toEqual(whole.state);
          expect(kept.head).toEqual(whole.head);
          expect([...kept.commands]).toEqual([...whole.commands]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
