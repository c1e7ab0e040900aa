// What a long history costs outside requests: the read-model database's size next to the event log's on disk once
// every projection (change log included) has caught up through the real app, and a cold start with that history to
// the first answered read, next to a cold start on an empty data folder. Issue 14 sets both at 1M events (read model
// ≤ 3× the log; first answer < 5 s): BENCH_HISTORY_EVENTS=1000000 (the default, 100,000, fits npm run bench).
// Run: npm run bench:history
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { personalDataPolicy } from '../src/personal-data-policy';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { caughtUp } from './support/api';
import { startApp } from './support/app-process';
import { generate } from './support/history';
import { Report } from './support/report';
import { median } from './support/stats';
import { TARGETS } from './support/targets';

const EVENTS = Number(process.env.BENCH_HISTORY_EVENTS ?? 100_000);
const STARTS = Number(process.env.BENCH_HISTORY_STARTS ?? 3);
/** The first answered request: a page of the public feed, read from the read model. */
const FIRST_READ = '/api/aspirations?limit=20';
const MB = 2 ** 20;

/** A SQLite database's size on disk: the file and its write-ahead log. */
const sizeOf = (file: string) =>
  [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);

async function writeHistory(report: Report, dir: string): Promise<number> {
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  try {
    const log = new EventLog(events, new EventSealer(keys, personalDataPolicy));
    return (await generate(log, EVENTS, (line) => report.print(line))).events;
  } finally {
    await Promise.all([events.close(), keys.close()]);
  }
}

/** Milliseconds from starting `node dist/src/main.js` to the first 200 of FIRST_READ, STARTS times. */
async function coldStarts(dataDir: () => string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const app = await startApp({ dataDir: dataDir(), readyPath: FIRST_READ });
    times.push(app.startMs);
    await app.stop();
  }
  return times;
}

async function main(): Promise<void> {
  const report = new Report('history', 'A long history: disk size of the read models, cold start', {
    BENCH_HISTORY_EVENTS: EVENTS,
    BENCH_HISTORY_STARTS: STARTS,
  });
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-history-'));
  const empties: string[] = [];
  try {
    const started = performance.now();
    const written = await writeHistory(report, dir);
    const writeSeconds = (performance.now() - started) / 1000;
    // Every projection follows the whole log as it does live (change log included), in the real app.
    const app = await startApp({ dataDir: dir });
    const catchUp = performance.now();
    await caughtUp(app.url);
    const catchUpSeconds = (performance.now() - catchUp) / 1000;
    await app.stop();
    const log = sizeOf(join(dir, 'events.sqlite'));
    const readModels = sizeOf(join(dir, 'read-models.sqlite'));
    const keys = sizeOf(join(dir, 'keys.sqlite'));
    report.print(
      `\n${written} events written in ${writeSeconds.toFixed(0)} s; read models caught up in ${catchUpSeconds.toFixed(0)} s`,
    );
    report.table(
      ['file', 'MB', 'bytes per event'],
      [
        ['events.sqlite (event log)', (log / MB).toFixed(1), (log / written).toFixed(0)],
        [
          'read-models.sqlite (read models, change log)',
          (readModels / MB).toFixed(1),
          (readModels / written).toFixed(0),
        ],
        ['keys.sqlite (personal data keys)', (keys / MB).toFixed(1), (keys / written).toFixed(0)],
      ],
    );
    const withHistory = await coldStarts(() => dir);
    const empty = await coldStarts(() => {
      empties.push(mkdtempSync(join(os.tmpdir(), 'suara-bench-empty-')));
      return empties[empties.length - 1];
    });
    const seconds = (ms: number[]) => ms.map((t) => (t / 1000).toFixed(2)).join(', ');
    report.print(`\ncold start to the first answered GET ${FIRST_READ}, ${STARTS} starts each:`);
    report.print(`  with ${written} events: ${seconds(withHistory)} s`);
    report.print(`  empty data folder:  ${seconds(empty)} s`);
    const n = written.toLocaleString('en');
    report.add({
      name: `read-model DB at ${n} events`,
      value: readModels / MB,
      unit: 'MB',
      baseline: { name: 'event log on disk', value: log / MB },
      target: TARGETS.readModelSize,
    });
    report.add({
      name: `cold start to the first read, ${n} events`,
      value: median(withHistory) / 1000,
      unit: 's',
      baseline: { name: 'empty data folder', value: median(empty) / 1000 },
      target: TARGETS.coldStart,
    });
  } finally {
    // BENCH_KEEP_DATA=1 keeps the long history's folder, to look inside its files (sqlite3's dbstat).
    if (process.env.BENCH_KEEP_DATA === '1') report.print(`kept the data folder: ${dir}`);
    for (const d of [...(process.env.BENCH_KEEP_DATA === '1' ? [] : [dir]), ...empties])
      rmSync(d, { recursive: true, force: true });
  }
  report.finish();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
