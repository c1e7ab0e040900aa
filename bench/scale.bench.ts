// Whether reads cost the same at any size: p50/p99 of the list (public feed, newest first), a search, an agency's
// inbox and the statistics, at 1,000 threads and at 100,000, on the embedded stores, the real app (--api-only: the
// read models are built before it starts) answering one request at a time. The smallest size is the baseline; issue
// 14.3 wants p99 at the largest within 1.5× of it.
// Run: npm run bench:scale   (BENCH_SCALE_THREADS=1000,20000 for a quick look; BENCH_SCALE_REQUESTS per route)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { get, timeRequests, tokenFor } from './support/api';
import { startApp } from './support/app-process';
import { Report } from './support/report';
import { SEARCHED_WORD, seedThreads } from './support/scale-seed';
import { percentile } from './support/stats';
import { TARGETS } from './support/targets';

const SIZES = (process.env.BENCH_SCALE_THREADS ?? '1000,100000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_SCALE_REQUESTS ?? 300);
const WARM_UP = 20;
/** A route as slow as a few seconds a request stops early: p99 of its few samples is then about their maximum. */
const ROUTE_SECONDS = Number(process.env.BENCH_SCALE_ROUTE_SECONDS ?? 30);

interface Route {
  readonly name: string;
  readonly path: string;
  readonly role?: string;
}
const ROUTES: readonly Route[] = [
  { name: 'list (feed, newest)', path: '/api/aspirations?limit=20' },
  { name: `search "${SEARCHED_WORD}"`, path: `/api/aspirations?q=${SEARCHED_WORD}&limit=20` },
  {
    name: 'inbox of dinas-pupr',
    path: '/api/agencies/dinas-pupr/inbox?limit=20',
    role: 'official:dinas-pupr',
  },
  { name: 'statistics', path: '/api/statistics' },
];

interface Measured {
  readonly threads: number;
  readonly events: number;
  readonly seeding: string;
  readonly times: ReadonlyMap<string, number[]>;
}

async function measure(report: Report, threads: number): Promise<Measured> {
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-bench-scale-'));
  try {
    report.print(`${threads.toLocaleString('en')} threads: seeding…`);
    const seeded = await seedThreads(dir, threads);
    const seeding = `${seeded.events} events written in ${seeded.writeSeconds.toFixed(0)} s, read model built in ${seeded.rebuildSeconds.toFixed(0)} s`;
    report.print(`  ${seeding}`);
    const app = await startApp({ dataDir: dir, args: ['--api-only'] });
    try {
      // The audit runner follows the log into its Merkle tree once, in the background: let it finish first.
      const waited = await app.idle();
      report.print(
        `  app started in ${(app.startMs / 1000).toFixed(1)} s, idle after ${(waited / 1000).toFixed(0)} s more`,
      );
      const times = new Map<string, number[]>();
      for (const route of ROUTES) {
        const token = route.role ? await tokenFor(app.url, `bench-${route.role}`, route.role) : undefined;
        const request = () => get(app.url + route.path, token);
        times.set(route.name, await timeRequests(REQUESTS, WARM_UP, request, ROUTE_SECONDS * 1000));
      }
      return { threads, events: seeded.events, seeding, times };
    } finally {
      await app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const title = `Reads at ${SIZES.map((n) => n.toLocaleString('en')).join(' and ')} threads (embedded stores, real app)`;
  const report = new Report('scale', title, {
    BENCH_SCALE_THREADS: SIZES.join(','),
    BENCH_SCALE_REQUESTS: REQUESTS,
    BENCH_SCALE_ROUTE_SECONDS: ROUTE_SECONDS,
  });
  report.print(
    `up to ${REQUESTS} sequential requests per route (at most ${ROUTE_SECONDS} s) after ${WARM_UP} to warm up; ` +
      'anonymous unless noted\n',
  );
  const runs: Measured[] = [];
  for (const size of SIZES) runs.push(await measure(report, size));
  report.print();
  report.table(
    ['threads', 'route', 'p50 ms', 'p99 ms', 'requests'],
    runs.flatMap((run) =>
      ROUTES.map((route) => {
        const samples = run.times.get(route.name)!;
        const p = (q: number) => percentile(samples, q).toFixed(1);
        return [run.threads.toLocaleString('en'), route.name, p(50), p(99), String(samples.length)];
      }),
    ),
  );
  const [small, ...larger] = runs;
  for (const run of larger)
    for (const route of ROUTES) {
      const at = (r: Measured, q: number) => percentile(r.times.get(route.name)!, q);
      const size = (r: Measured) => r.threads.toLocaleString('en');
      report.add({
        name: `${route.name}, p99 at ${size(run)} threads`,
        value: at(run, 99),
        unit: 'ms',
        baseline: { name: `p99 at ${size(small)} threads`, value: at(small, 99) },
        target: TARGETS.readAtScale,
      });
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
