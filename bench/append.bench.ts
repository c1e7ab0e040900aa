// Durable appends per second of the embedded SqliteEventStore at 1, 16 and 64 concurrent writers,
// next to raw better-sqlite3 inserts of the same rows (1, 64 and 1,000 per transaction) measured in the same run,
// and a peer: @event-driven-io/emmett-sqlite's appendToStream with one writer (bench/support/emmett-peer.ts).
// Run: npm run bench:append   (BENCH_SECONDS=1 BENCH_ROUNDS=1 npm run bench:append for a quick look)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { chainEvent } from '../src/platform/event-store/event-hash';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { ExpectedRevision, NewEvent } from '../src/platform/event-store/stored-event';
import { openSqlite } from '../src/platform/sqlite';
import { EMMETT_SQLITE, emmettConnectionRun, emmettStoreRun, PeerResult } from './support/emmett-peer';
import { Report } from './support/report';
import { TARGETS } from './support/targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
// Rounds run every scenario in turn, so a noisy neighbour's burst hits all of them, not just one.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Warm-up lets the page cache, WAL file and JIT settle before the clock starts.
const WARMUP_SECONDS = Math.min(1, SECONDS / 3);
const WRITER_COUNTS = [1, 16, 64];
// Raw rows are prepared in chunks outside the clock, so the baseline pays only for SQLite.
const CHUNK = 1_000;
/** Issue 14's baseline for 64 writers: the same rows committed in groups of 64, as group commit would at best. */
const GROUP = 64;

interface Result {
  events: number;
  seconds: number;
}
const rate = (r: Result) => r.events / r.seconds;

const now = new Date().toISOString();
// An official's reply as the EventSealer stores it; built once so writers spend no time on the payload.
const TEMPLATE = {
  type: 'OfficialResponded',
  schemaVersion: 1,
  data: {
    messageId: randomUUID(),
    body: 'Terima kasih. Petugas DPU akan memeriksa saluran air di RT 03 pada hari Kamis.',
    agencyId: 'dpu-kab-bandung',
    respondedAt: now,
    autoCloseDueAt: now,
  },
  metadata: {
    actor: 'official-7f3e',
    role: 'official:dpu-kab-bandung',
    commandId: randomUUID(),
    requestDigest: 'c0ffee'.repeat(10) + 'beef',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: now,
  },
  keyIds: [],
};
const benchEvent = (): NewEvent => ({ id: randomUUID(), ...TEMPLATE });
const PAYLOAD = { data: TEMPLATE.data, metadata: TEMPLATE.metadata };
const PAYLOAD_BYTES = JSON.stringify(TEMPLATE.data).length + JSON.stringify(TEMPLATE.metadata).length;

/** Runs fn in a fresh directory under os.tmpdir() and always deletes it. */
async function inTempDir<T>(fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The store's own CREATE TABLE, read back from a file it created (SCHEMA is not exported). */
const storeSchema = (): Promise<string> =>
  inTempDir(async (dir) => {
    await new SqliteEventStore(join(dir, 'schema.db')).close();
    const db = new Database(join(dir, 'schema.db'), { readonly: true });
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events'").get() as {
      sql: string;
    };
    db.close();
    return sql;
  });

const storeRun = (writers: number): Promise<Result> =>
  inTempDir(async (dir) => {
    const store = new SqliteEventStore(join(dir, 'events.db'));
    let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
    let events = 0;
    // One writer: its own stream, one event per append, the next append only after the ack.
    const writer = async () => {
      const stream = `aspiration-${randomUUID()}`;
      let expected: ExpectedRevision = 'no_stream';
      while (phase !== 'stop') {
        expected = (await store.append(stream, [benchEvent()], expected)).revision;
        if (phase === 'measure') events++;
      }
    };
    const running = Array.from({ length: writers }, writer);
    await sleep(WARMUP_SECONDS * 1000);
    phase = 'measure';
    const start = performance.now();
    await sleep(SECONDS * 1000);
    phase = 'stop';
    const seconds = (performance.now() - start) / 1000;
    await Promise.all(running);
    await store.close();
    return { events, seconds };
  });

/**
 * Raw inserts on an openSqlite file, one connection, `rowsPerTx` rows per committed transaction, the rows taking
 * turns over `streams` streams as the store's writers do (each transaction then touches as many index pages).
 */
const rawRun = (schema: string, rowsPerTx: number, streams = 1): Promise<Result> =>
  inTempDir((dir) => {
    const db = openSqlite(join(dir, 'raw.db'));
    db.exec(schema);
    const insert = db.prepare(
      `INSERT INTO events (id, stream, revision, type, schema_version, data, metadata, previous_hash, hash, key_ids, recorded_at)
       VALUES (@id, @stream, @revision, @type, @schemaVersion, @data, @metadata, @previousHash, @hash, @keyIds, @recordedAt)`,
    );
    const commit = db.transaction((rows: object[]) => rows.forEach((row) => insert.run(row)));
    const names = Array.from({ length: streams }, () => `aspiration-${randomUUID()}`);
    const heads = new Map<string, { revision: number; hash: string }>();
    let turn = 0;
    // The very rows the store would write (chained hash included), serialised before the clock runs.
    const prepare = () =>
      Array.from({ length: CHUNK }, () => {
        const stream = names[turn++ % streams];
        const e = chainEvent({ ...benchEvent(), stream }, heads.get(stream));
        heads.set(stream, e);
        const json = { data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) };
        return { ...e, ...json, keyIds: JSON.stringify(e.keyIds), recordedAt: new Date().toISOString() };
      });
    const run = (budget: number): Result => {
      let events = 0;
      let seconds = 0;
      while (seconds < budget) {
        const rows = prepare();
        const start = performance.now();
        for (let i = 0; i < CHUNK && seconds + (performance.now() - start) / 1000 < budget; i += rowsPerTx) {
          const group = rows.slice(i, i + rowsPerTx);
          commit(group);
          events += group.length;
        }
        seconds += (performance.now() - start) / 1000;
      }
      return { events, seconds };
    };
    run(WARMUP_SECONDS);
    const result = run(SECONDS);
    db.close();
    return result;
  });

const median = (results: Result[]) =>
  [...results].sort((a, b) => rate(a) - rate(b))[(results.length - 1) >> 1];

let peerRetries = 0;
const peer = async (
  run: (payload: typeof PAYLOAD, seconds: number, warmUp: number) => Promise<PeerResult>,
) => {
  const result = await run(PAYLOAD, SECONDS, WARMUP_SECONDS);
  peerRetries += result.retries;
  return result;
};

async function main(): Promise<void> {
  const report = new Report('append', 'Durable appends per second (embedded SQLite)', {
    BENCH_SECONDS: SECONDS,
    BENCH_ROUNDS: ROUNDS,
  });
  report.print(
    `payload ~${PAYLOAD_BYTES} B JSON/event; ${ROUNDS} rounds x ${SECONDS}s (+${WARMUP_SECONDS.toFixed(2)}s warm-up), median round shown\n`,
  );
  const schema = await storeSchema();
  const scenarios = [
    { name: 'raw insert, 1 row/tx (durable)', writers: 1, run: () => rawRun(schema, 1) },
    { name: `raw insert, ${GROUP} rows/tx (durable)`, writers: 1, run: () => rawRun(schema, GROUP) },
    {
      name: `raw insert, ${GROUP} rows/tx over ${GROUP} streams (durable)`,
      writers: 1,
      run: () => rawRun(schema, GROUP, GROUP),
    },
    { name: `raw insert, ${CHUNK} rows/tx (upper bound)`, writers: 1, run: () => rawRun(schema, CHUNK) },
    ...WRITER_COUNTS.map((w) => ({ name: 'SqliteEventStore.append', writers: w, run: () => storeRun(w) })),
    { name: `${EMMETT_SQLITE}, event store`, writers: 1, run: () => peer(emmettStoreRun) },
    { name: `${EMMETT_SQLITE}, one connection`, writers: 1, run: () => peer(emmettConnectionRun) },
  ];
  const rounds = scenarios.map((): Result[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, s] of scenarios.entries()) rounds[i].push(await s.run());
  }
  const medians = rounds.map((r) => rate(median(r)));
  const baseline = medians[0];
  const header = ['scenario', 'writers', 'events', 'seconds', 'appends/s', 'min-max/s', 'vs raw durable'];
  const rows = scenarios.map((s, i) => {
    const m = median(rounds[i]);
    const rates = rounds[i].map(rate);
    const spread = `${Math.min(...rates).toFixed(0)}-${Math.max(...rates).toFixed(0)}`;
    const ratio = `x ${(rate(m) / baseline).toFixed(1)}`;
    return [
      s.name,
      String(s.writers),
      String(m.events),
      m.seconds.toFixed(2),
      rate(m).toFixed(0),
      spread,
      ratio,
    ];
  });
  report.table(header, rows);
  if (peerRetries)
    report.print(
      `\n${EMMETT_SQLITE} answered SQLITE_BUSY ${peerRetries} time(s); those appends were retried`,
    );
  const [raw1, raw64, raw64Streams, rawChunk, store1, store16, store64, emmettStore, emmettConnection] =
    medians;
  const unit = 'appends/s';
  // The same rows as 64 writers append: one event on each of 64 streams per group.
  report.add({
    name: 'SqliteEventStore.append, 64 writers',
    value: store64,
    unit,
    baseline: { name: `raw, ${GROUP} rows/tx over ${GROUP} streams`, value: raw64Streams },
    target: TARGETS.appendsAt64,
  });
  report.add({
    name: 'SqliteEventStore.append, 64 writers, vs one stream',
    value: store64,
    unit,
    baseline: { name: `raw, ${GROUP} rows/tx on one stream`, value: raw64 },
  });
  report.add({
    name: 'SqliteEventStore.append, 16 writers',
    value: store16,
    unit,
    baseline: { name: 'raw, 1 row/tx', value: raw1 },
  });
  report.add({
    name: 'SqliteEventStore.append, 1 writer',
    value: store1,
    unit,
    baseline: { name: 'raw, 1 row/tx', value: raw1 },
  });
  report.add({
    name: 'peer: ours, 1 writer, vs emmett event store',
    value: store1,
    unit,
    baseline: { name: `${EMMETT_SQLITE} getSQLiteEventStore, 1 writer`, value: emmettStore },
  });
  report.add({
    name: 'peer: ours, 1 writer, vs emmett, one connection',
    value: store1,
    unit,
    baseline: { name: `${EMMETT_SQLITE} appendToStream, open connection`, value: emmettConnection },
  });
  report.add({ name: `raw insert, ${CHUNK} rows/tx (upper bound)`, value: rawChunk, unit });
  report.finish();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
