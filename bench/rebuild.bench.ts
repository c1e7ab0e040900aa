// Projection rebuild throughput on the embedded stores: events per second of rebuild() for the aspirations read
// model over 100k and 1M realistic sealed events, next to the raw cost of reading and opening (decrypting) the same
// events without projecting them, measured in the same run.
// Run: npm run bench:rebuild   (BENCH_EVENTS=20000 for a quick look; BENCH_SKIP_1M=1 to leave out 1M)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { aspirationsProjection } from '../projections/aspirations/aspirations.projection';
import { rebuild } from '../projections/runner/rebuild';
import { THREADS } from '../src/aspirations/read-models/thread.document';
import { personalDataPolicy } from '../src/personal-data-policy';
import { SqliteDocumentStore } from '../src/platform/document-store/sqlite-document-store';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { physicalCollection } from '../src/platform/read-models/generations';
import { generate, WRITERS } from './support/history';
import { Report } from './support/report';
import { TARGETS } from './support/targets';

/** The catch-up subscription's batch size, so the baseline reads exactly as the rebuild does. */
const READ_BATCH = 500;
const SIZES = (process.env.BENCH_EVENTS ?? '100000,1000000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0 && !(process.env.BENCH_SKIP_1M && size >= 1_000_000));

/** Reads the whole log in the subscription's batches; optionally opens (decrypts) every event as projectBatch does. */
async function readAllEvents(events: SqliteEventStore, sealer?: EventSealer): Promise<number> {
  let after: bigint | undefined;
  let count = 0;
  for (;;) {
    const batch = await events.readAll({ after, maxCount: READ_BATCH });
    if (batch.length === 0) return count;
    if (sealer) await Promise.all(batch.map((event) => sealer.open(event)));
    count += batch.length;
    after = batch[batch.length - 1].position;
  }
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: (performance.now() - start) / 1000 };
}

interface Row {
  events: number;
  aspirations: number;
  threads: number;
  generateSeconds: number;
  readRate: number;
  openRate: number;
  rebuildSeconds: number;
  rebuildRate: number;
  readModelMb: number;
}

async function measure(report: Report, size: number): Promise<Row> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-rebuild-bench-'));
  try {
    const events = new SqliteEventStore(join(dir, 'events.sqlite'));
    const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    const sealer = new EventSealer(keys, personalDataPolicy);
    report.print(`${size} events:`);
    const log = new EventLog(events, sealer);
    const generated = await timed(() => generate(log, size, (line) => report.print(line)));
    const { events: total, aspirations } = generated.value;

    const read = await timed(() => readAllEvents(events));
    const opened = await timed(() => readAllEvents(events, sealer));
    const documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    let reported = 0;
    const rebuilt = await timed(() =>
      rebuild(
        aspirationsProjection,
        { events, documents, sealer, logger: pino({ level: 'silent' }), holder: 'bench' },
        {
          onProgress: ({ events: done }) => {
            if (done - reported < total / 10) return;
            reported = done;
            report.print(`  rebuilding: ${done} / ${total} events`);
          },
        },
      ),
    );
    const threads = await documents.count(physicalCollection(THREADS, rebuilt.value));
    await Promise.all([documents.close(), events.close(), keys.close()]);
    if (read.value !== total || opened.value !== total)
      throw new Error('the baseline did not read every event');
    return {
      events: total,
      aspirations,
      threads,
      generateSeconds: generated.seconds,
      readRate: total / read.seconds,
      openRate: total / opened.seconds,
      rebuildSeconds: rebuilt.seconds,
      rebuildRate: total / rebuilt.seconds,
      readModelMb: statSync(join(dir, 'read-models.sqlite')).size / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const report = new Report('rebuild', 'Projection rebuild (aspirations read model, embedded stores)', {
    BENCH_EVENTS: SIZES.join(','),
  });
  report.print(`${WRITERS} aspirations in flight while generating; reads in batches of ${READ_BATCH}\n`);
  const rows: Row[] = [];
  for (const size of SIZES) rows.push(await measure(report, size));
  const header = [
    'events',
    'aspirations',
    'generate s',
    'read ev/s',
    'read+open ev/s',
    'rebuild s',
    'rebuild ev/s',
    'rebuild / read+open',
    'read model MB',
  ];
  const cells = rows.map((r) => [
    String(r.events),
    `${r.aspirations} (${r.threads} docs)`,
    r.generateSeconds.toFixed(0),
    r.readRate.toFixed(0),
    r.openRate.toFixed(0),
    r.rebuildSeconds.toFixed(1),
    r.rebuildRate.toFixed(0),
    `x ${(r.rebuildRate / r.openRate).toFixed(2)}`,
    r.readModelMb.toFixed(0),
  ]);
  report.table(header, cells);
  for (const r of rows) {
    const baseline = { name: 'read + open the same events', value: r.openRate };
    const name = `rebuild, ${r.events.toLocaleString('en')} events`;
    report.add({ name, value: r.rebuildRate, unit: 'events/s', baseline, target: TARGETS.rebuildRate });
  }
  report.finish();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
