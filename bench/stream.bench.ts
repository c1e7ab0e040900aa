// What a command costs on a long stream: the citizen's reply (POST /api/aspirations/{id}/replies, through the real
// app) on a thread of BENCH_STREAM_EVENTS events (1,000 by default), next to the same reply on fresh threads (3
// events: submitted, verified, assigned) in the same run. Every command reads, verifies, opens and folds its whole
// stream today, so the long one pays for its history (issue 14.3 wants it within 1.5× of the fresh one).
// Run: npm run bench:stream   (BENCH_STREAM_COMMANDS=30 for a quick look)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { personalDataPolicy } from '../src/personal-data-policy';
import { EventLog } from '../src/platform/event-log/event-log';
import { EventSealer } from '../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { SqliteKeyStore } from '../src/platform/personal-data/sqlite-key-store';
import { caughtUp, post, tokenFor } from './support/api';
import { startApp } from './support/app-process';
import { fillStream, Moment } from './support/dialogue';
import { Report } from './support/report';
import { percentile } from './support/stats';
import { TARGETS } from './support/targets';

const LENGTH = Number(process.env.BENCH_STREAM_EVENTS ?? 1_000);
const COMMANDS = Number(process.env.BENCH_STREAM_COMMANDS ?? 100);
const WARM_UP = 10;
const DAY = 86_400_000;

/** The threads, written before the app starts, in the files it opens (DATA_DIR/events.sqlite, keys.sqlite). */
async function seed(dir: string, long: string, fresh: string[]): Promise<void> {
  const events = new SqliteEventStore(join(dir, 'events.sqlite'));
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const log = new EventLog(events, new EventSealer(keys, personalDataPolicy));
  // Deadlines in the future: the app's scheduler must not close or escalate the threads under the benchmark.
  const moment: Moment = { at: new Date().toISOString(), due: new Date(Date.now() + 30 * DAY).toISOString() };
  try {
    await fillStream(log, long, LENGTH, moment);
    await Promise.all(fresh.map((id) => fillStream(log, id, 3, moment)));
  } finally {
    await Promise.all([events.close(), keys.close()]);
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const report = new Report(
    'stream',
    'A command on a long stream next to the same command on fresh streams',
    {
      BENCH_STREAM_EVENTS: LENGTH,
      BENCH_STREAM_COMMANDS: COMMANDS,
    },
  );
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-stream-'));
  const long = randomUUID();
  const fresh = Array.from({ length: COMMANDS + WARM_UP }, () => randomUUID());
  try {
    await seed(dir, long, fresh);
    const app = await startApp({ dataDir: dir });
    try {
      await caughtUp(app.url);
      await app.idle(60_000);
      const token = await tokenFor(app.url, 'warga-1', 'citizen');
      const reply = (id: string) =>
        post(`${app.url}/api/aspirations/${id}/replies`, { body: 'Terima kasih, kami tunggu.' }, token);
      // Interleaved, so a noisy second hits both alike.
      const onLong: number[] = [];
      const onFresh: number[] = [];
      for (let i = 0; i < WARM_UP + COMMANDS; i++) {
        const long1 = await timed(() => reply(long));
        const fresh1 = await timed(() => reply(fresh[i]));
        if (i < WARM_UP) continue;
        onLong.push(long1);
        onFresh.push(fresh1);
      }
      const row = (name: string, samples: number[]) => [
        name,
        percentile(samples, 50).toFixed(1),
        percentile(samples, 99).toFixed(1),
        String(samples.length),
      ];
      report.print(
        `a reply by the submitter, ${COMMANDS} on each after ${WARM_UP} to warm up; real app, embedded stores\n`,
      );
      report.table(
        ['stream', 'p50 ms', 'p99 ms', 'commands'],
        [
          row(`${LENGTH} events (growing by one per reply)`, onLong),
          row('3 events (a fresh thread each time)', onFresh),
        ],
      );
      for (const p of [50, 99])
        report.add({
          name: `reply p${p} on a ${LENGTH.toLocaleString('en')}-event stream`,
          value: percentile(onLong, p),
          unit: 'ms',
          baseline: { name: `fresh 3-event stream, p${p}`, value: percentile(onFresh, p) },
          target: p === 50 ? TARGETS.commandOnLongStream : undefined,
        });
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report.finish();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
