// What verifying every event costs: events read per second with and without the integrity check, for the two
// ways events are read: whole streams (folding a command, history) and the log in global order (projections).
// Run: npm run bench:integrity   (BENCH_EVENTS=20000 for a quick look)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { findChainBreak } from '../src/platform/event-store/event-hash';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { NewEvent, RecordedEvent } from '../src/platform/event-store/stored-event';
import { ChainVerifier } from '../src/platform/integrity/chain-verifier';
import { Report } from './support/report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const PER_STREAM = 10;
const PAGE = 500;
const ROUNDS = 3;

const now = new Date().toISOString();
// An official's reply as the EventSealer stores it, with a citizen's sealed actor in the metadata.
const reply = (): NewEvent => ({
  id: randomUUID(),
  type: 'OfficialResponded',
  schemaVersion: 1,
  data: {
    messageId: randomUUID(),
    body: 'Terima kasih. Petugas DPU akan memeriksa saluran air di RT 03 pada hari Kamis.',
    agencyId: 'dinas-pupr',
    respondedAt: now,
    autoCloseDueAt: now,
  },
  metadata: {
    actor: { $enc: 'v1', k: randomUUID(), iv: 'AAAAAAAAAAAAAAAA', ct: 'x'.repeat(24), tag: 'A'.repeat(22) },
    role: 'official:dinas-pupr',
    commandId: randomUUID(),
    requestDigest: 'd'.repeat(64),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: now,
  },
  keyIds: [],
});

async function fill(store: SqliteEventStore): Promise<string[]> {
  const streams = Array.from({ length: EVENTS / PER_STREAM }, (_, i) => `aspiration-${i}`);
  for (let i = 0; i < streams.length; i += 100)
    await Promise.all(
      streams
        .slice(i, i + 100)
        .map((s) => store.append(s, Array.from({ length: PER_STREAM }, reply), 'no_stream')),
    );
  return streams;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return EVENTS / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function readLog(store: SqliteEventStore, check?: (page: RecordedEvent[]) => Promise<void>) {
  for (let after: bigint | undefined; ;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return;
    await check?.(page);
    after = page[page.length - 1].position;
  }
}

async function main(): Promise<void> {
  const report = new Report(
    'integrity',
    'Integrity verification: events read per second with and without the check',
    {
      BENCH_EVENTS: EVENTS,
    },
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-integrity-'));
  const store = new SqliteEventStore(join(dir, 'events.sqlite'));
  try {
    const streams = await fill(store);
    const scenarios: Record<string, () => Promise<void>> = {
      'streams, read only': async () => void (await Promise.all(streams.map((s) => store.readStream(s)))),
      'streams, read + verified': async () => {
        for (const s of streams) if (findChainBreak(await store.readStream(s))) throw new Error(s);
      },
      'log order, read only': () => readLog(store),
      'log order, read + verified': () => {
        const verifier = new ChainVerifier(store);
        return readLog(store, async (page) => {
          if (await verifier.firstBreak(page)) throw new Error('broken');
        });
      },
    };
    const best = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++)
      for (const [name, run] of Object.entries(scenarios))
        best.set(name, Math.max(best.get(name) ?? 0, await timed(run)));
    report.print(`${EVENTS} events, ${PER_STREAM} per stream, ${os.cpus().length} cores, best of ${ROUNDS}`);
    for (const [name, eventsPerSecond] of best)
      report.print(`${name.padEnd(28)} ${Math.round(eventsPerSecond).toLocaleString('en')} events/s`);
    for (const way of ['streams', 'log order'])
      report.add({
        name: `${way}, read + verified`,
        value: best.get(`${way}, read + verified`)!,
        unit: 'events/s',
        baseline: { name: `${way}, read only`, value: best.get(`${way}, read only`)! },
      });
    report.finish();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
