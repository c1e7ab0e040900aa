// A soak: BENCH_SOAK_SECONDS (600 by default) of 80 commands/s + 80 reads/s, open loop (sent on schedule, answered
// or not), with 20 live subscribers of the public feed (socket.io-client), against the real app as a child process on
// embedded storage whose data set keeps growing. Reported per tenth of the run (a minute by default): p50/p99 of
// commands, reads and live pushes (command sent → change received), and the app's memory after a full GC. Issue 14.2
// compares the last half (the last 5 minutes) with the first tenth (the first minute): latency within 1.2×, memory
// growth under 5%.
// Run: npm run bench:soak   (BENCH_SOAK_SECONDS=120 for a quick look)
import { io, Socket } from 'socket.io-client';
import { get } from './support/api';
import { startApp } from './support/app-process';
import { Report } from './support/report';
import { Request, SoakWorkload } from './support/soak-workload';
import { percentile } from './support/stats';
import { TARGETS } from './support/targets';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const COMMANDS_PER_SECOND = 80;
const READS_PER_SECOND = 80;
const SUBSCRIBERS = 20;
const INTERVALS = 10;
/** Beyond this many requests waiting for an answer, a scheduled one is counted as dropped, not sent. */
const MAX_IN_FLIGHT = 200;
const MB = 2 ** 20;

interface Interval {
  readonly commands: number[];
  readonly reads: number[];
  readonly live: number[];
  errors: number;
  dropped: number;
  memory?: NodeJS.MemoryUsage;
}

const newInterval = (): Interval => ({ commands: [], reads: [], live: [], errors: 0, dropped: 0 });

/** Matches each live change to the command that caused it (by position), whichever arrives first. */
class LiveLatency {
  private readonly sent = new Map<string, number>();
  private readonly early = new Map<string, number[]>();
  constructor(private readonly record: (sentAt: number, latency: number) => void) {}

  answered(position: string, sentAt: number): void {
    this.sent.set(position, sentAt);
    for (const at of this.early.get(position) ?? []) this.record(sentAt, at - sentAt);
    this.early.delete(position);
  }

  received(position: string, at: number): void {
    const sentAt = this.sent.get(position);
    if (sentAt !== undefined) this.record(sentAt, at - sentAt);
    else this.early.set(position, [...(this.early.get(position) ?? []), at]);
  }

  /** Forgets positions older than a minute (changes that never came, e.g. of unpublished threads). */
  prune(now: number): void {
    for (const [position, at] of this.sent) if (now - at > 60_000) this.sent.delete(position);
    for (const [position, ats] of this.early) if (now - ats[0] > 60_000) this.early.delete(position);
  }
}

async function subscribeFeed(url: string, onChange: (position: string) => void): Promise<Socket[]> {
  return Promise.all(
    Array.from(
      { length: SUBSCRIBERS },
      () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(`${url}/live`, {
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          socket.on('change', (change: { position: string }) => onChange(change.position));
          socket.once('connect_error', reject);
          socket.once('connect', () => socket.emit('subscribe', { topic: 'feed' }, () => resolve(socket)));
        }),
    ),
  );
}

async function main(): Promise<void> {
  const report = new Report(
    'soak',
    'Soak: steady commands, reads and live subscribers on a growing data set',
    {
      BENCH_SOAK_SECONDS: SECONDS,
    },
  );
  const intervalMs = (SECONDS * 1000) / INTERVALS;
  report.print(
    `${COMMANDS_PER_SECOND} commands/s + ${READS_PER_SECOND} reads/s (open loop) + ${SUBSCRIBERS} live ` +
      `subscribers of "feed"; ${INTERVALS} intervals of ${(intervalMs / 1000).toFixed(0)} s\n`,
  );
  const app = await startApp();
  const workload = await SoakWorkload.start(app.url);
  const intervals = Array.from({ length: INTERVALS }, newInterval);
  const start = performance.now();
  const indexOf = (at: number) => Math.min(INTERVALS - 1, Math.floor((at - start) / intervalMs));
  const live = new LiveLatency((sentAt, latency) => intervals[indexOf(sentAt)].live.push(latency));
  const sockets = await subscribeFeed(app.url, (position) => live.received(position, performance.now()));
  const initial = await app.memory();
  let inFlight = 0;
  const fire = (request: Request, samples: (i: Interval) => number[], command: boolean) => {
    const sentAt = performance.now();
    const interval = intervals[indexOf(sentAt)];
    if (inFlight >= MAX_IN_FLIGHT) return void interval.dropped++;
    inFlight++;
    request
      .send()
      .then(
        (answer) => {
          samples(interval).push(performance.now() - sentAt);
          if (command && typeof answer.position === 'string') live.answered(answer.position, sentAt);
        },
        () => interval.errors++,
      )
      .finally(() => inFlight--);
  };
  let commands = 0;
  let reads = 0;
  const ticker = setInterval(() => {
    const elapsed = (performance.now() - start) / 1000;
    for (; commands < Math.floor(elapsed * COMMANDS_PER_SECOND); commands++)
      fire(workload.nextCommand(), (i) => i.commands, true);
    for (; reads < Math.floor(elapsed * READS_PER_SECOND); reads++)
      fire(workload.nextRead(), (i) => i.reads, false);
  }, 5);
  for (let i = 0; i < INTERVALS; i++) {
    await new Promise((resolve) => setTimeout(resolve, start + (i + 1) * intervalMs - performance.now()));
    intervals[i].memory = await app.memory();
    live.prune(performance.now());
    const done = intervals[i];
    report.print(
      `  ${i + 1}/${INTERVALS}: ${done.commands.length} commands, ${done.reads.length} reads, ` +
        `${done.errors} errors, ${done.dropped} dropped; ${workload.threads} threads`,
    );
  }
  clearInterval(ticker);
  const drained = performance.now();
  while (inFlight > 0 && performance.now() - drained < 30_000) await new Promise((r) => setTimeout(r, 100));
  const head = (await get(`${app.url}/api/health`)).head as string;
  sockets.forEach((socket) => socket.close());
  await app.stop();
  summarise(report, intervals, initial, { head, threads: workload.threads, intervalMs });
  report.finish();
}

function summarise(
  report: Report,
  intervals: Interval[],
  initial: NodeJS.MemoryUsage,
  run: { head: string; threads: number; intervalMs: number },
): void {
  const ms = (samples: number[], p: number) => percentile(samples, p).toFixed(1);
  const mb = (bytes = NaN) => (bytes / MB).toFixed(1);
  report.print(`\nlog head at the end: position ${run.head}; ${run.threads} threads submitted`);
  report.print(
    `app memory after GC before the load: rss ${mb(initial.rss)} MB, heap ${mb(initial.heapUsed)} MB\n`,
  );
  report.table(
    [
      'interval',
      'commands',
      'cmd p50',
      'cmd p99',
      'reads',
      'read p50',
      'read p99',
      'live p50',
      'live p99',
      'errors',
      'dropped',
      'rss MB',
      'heap MB',
    ],
    intervals.map((i, k) => [
      `${((k * run.intervalMs) / 1000).toFixed(0)}-${(((k + 1) * run.intervalMs) / 1000).toFixed(0)} s`,
      String(i.commands.length),
      ms(i.commands, 50),
      ms(i.commands, 99),
      String(i.reads.length),
      ms(i.reads, 50),
      ms(i.reads, 99),
      ms(i.live, 50),
      ms(i.live, 99),
      String(i.errors),
      String(i.dropped),
      mb(i.memory?.rss),
      mb(i.memory?.heapUsed),
    ]),
  );
  const half = INTERVALS / 2;
  const first = intervals[0];
  const last = intervals.slice(half);
  const lastOf = (pick: (i: Interval) => number[]) => last.flatMap(pick);
  const series = [
    ['commands', (i: Interval) => i.commands, TARGETS.soakLatency],
    ['reads', (i: Interval) => i.reads, TARGETS.soakLatency],
    ['live pushes', (i: Interval) => i.live, undefined],
  ] as const;
  for (const [name, pick, target] of series)
    for (const p of [50, 99])
      report.add({
        name: `${name} p${p}, last half`,
        value: percentile(lastOf(pick), p),
        unit: 'ms',
        baseline: { name: `first tenth`, value: percentile(pick(first), p) },
        target,
      });
  const throughput = (list: Interval[]) => list.reduce((sum, i) => sum + i.commands.length, 0) / list.length;
  report.add({
    name: 'commands answered per interval, last half',
    value: throughput(last),
    unit: 'commands',
    baseline: { name: 'first tenth', value: throughput([first]) },
  });
  const before = intervals[half - 1].memory!;
  const after = intervals[INTERVALS - 1].memory!;
  for (const field of ['rss', 'heapUsed'] as const)
    report.add({
      name: `${field === 'rss' ? 'RSS' : 'heap'} at the end`,
      value: after[field] / MB,
      unit: 'MB',
      baseline: { name: 'at the start of the last half', value: before[field] / MB },
      target: TARGETS.soakMemory,
    });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
