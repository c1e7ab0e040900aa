// npm run bench: every benchmark in turn, each in its own process (node dist/bench/<file>.js, built once before), with
// sizes and durations chosen to fit 20 minutes on the 2-core machine; then one summary table of every target (and
// the peer comparison), written to bench/results/summary.json and summary.svg.
//   BENCH_FULL=1        each benchmark's own defaults instead (about an hour and a half here)
//   BENCH_ONLY=a,b      only these benchmarks; any variable a benchmark reads, set here, wins over the quick value
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { evaluate, Row } from './support/evaluate';
import { BenchResult, machine, resultsDir, ROW_HEADER, rowCells } from './support/report';
import { barChart } from './support/svg-chart';
import { formatTable } from './support/table';
import { TARGETS } from './support/targets';

interface Benchmark {
  readonly name: string;
  readonly file: string;
  /** The sizes and durations `npm run bench` uses (each benchmark's defaults are larger). */
  readonly quick: Readonly<Record<string, string>>;
}

const BENCHMARKS: readonly Benchmark[] = [
  { name: 'append', file: 'append.bench.js', quick: { BENCH_SECONDS: '2', BENCH_ROUNDS: '1' } },
  { name: 'http', file: 'http-platform.bench.js', quick: { BENCH_SECONDS: '3' } },
  { name: 'submit', file: 'submit.bench.js', quick: { BENCH_SECONDS: '5' } },
  { name: 'integrity', file: 'integrity.bench.js', quick: { BENCH_EVENTS: '10000' } },
  { name: 'audit', file: 'audit.bench.js', quick: { BENCH_EVENTS: '10000' } },
  { name: 'rebuild', file: 'rebuild.bench.js', quick: { BENCH_EVENTS: '20000' } },
  { name: 'stream', file: 'stream.bench.js', quick: { BENCH_STREAM_COMMANDS: '40' } },
  {
    name: 'scale',
    file: 'scale.bench.js',
    quick: {
      BENCH_SCALE_THREADS: '1000,20000',
      BENCH_SCALE_REQUESTS: '100',
      BENCH_SCALE_ROUTE_SECONDS: '15',
    },
  },
  {
    name: 'history',
    file: 'history.bench.js',
    quick: { BENCH_HISTORY_EVENTS: '30000', BENCH_HISTORY_STARTS: '2' },
  },
  { name: 'live', file: 'live.bench.js', quick: { BENCH_COMMANDS: '3' } },
  { name: 'web', file: 'web.bench.js', quick: { BENCH_RUNS: '1' } },
  { name: 'soak', file: 'soak.bench.js', quick: { BENCH_SOAK_SECONDS: '120' } },
];

interface Ran {
  readonly name: string;
  readonly seconds: number;
  readonly exitCode: number;
  readonly result?: BenchResult;
}

/** The quick values, unless BENCH_FULL is set or the caller set the variable; consecutive port ranges if asked. */
function envFor(benchmark: Benchmark, index: number): NodeJS.ProcessEnv {
  const quick = process.env.BENCH_FULL ? {} : benchmark.quick;
  const env: NodeJS.ProcessEnv = { ...quick, ...process.env };
  if (process.env.BENCH_PORT_BASE)
    env.BENCH_PORT_BASE = String(Number(process.env.BENCH_PORT_BASE) + 50 * index);
  return env;
}

async function run(benchmark: Benchmark, index: number): Promise<Ran> {
  console.log(`\n=== ${benchmark.name} (${benchmark.file}) ===\n`);
  const started = performance.now();
  const startedAt = Date.now();
  const child = spawn(process.execPath, [join(__dirname, benchmark.file)], {
    env: envFor(benchmark, index),
    stdio: 'inherit',
  });
  const exitCode = await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  const file = join(resultsDir(), `${benchmark.name}.json`);
  const result = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult) : undefined;
  // A result left from an earlier run is not this run's.
  const fresh = result && Date.parse(result.startedAt) >= startedAt - 1000;
  return {
    name: benchmark.name,
    seconds: (performance.now() - started) / 1000,
    exitCode,
    result: fresh ? result : undefined,
  };
}

type SummaryRow = Row & { readonly benchmark: string };

async function main(): Promise<void> {
  const startedAt = new Date();
  // The npm script notes when it started, so the build counts towards the 20 minutes.
  const since = Number(process.env.BENCH_STARTED_MS) || startedAt.getTime();
  const only = process.env.BENCH_ONLY?.split(',');
  const chosen = BENCHMARKS.filter((b) => !only || only.includes(b.name));
  const ran: Ran[] = [];
  for (const [index, benchmark] of chosen.entries()) ran.push(await run(benchmark, index));
  const minutes = (Date.now() - since) / 60_000;
  const rows: SummaryRow[] = ran.flatMap((r) =>
    (r.result?.rows ?? [])
      .filter((row) => row.target || row.name.startsWith('peer'))
      .map((row) => ({ ...row, benchmark: r.name, name: `${r.name}: ${row.name}` })),
  );
  if (!only) {
    const total = { name: 'npm run bench: total time, build included', value: minutes, unit: 'min' };
    rows.push({ ...evaluate({ ...total, target: TARGETS.benchDuration }), benchmark: 'all' });
  }
  console.log('\n=== summary ===\n');
  console.log(
    formatTable(
      ['benchmark', 'seconds', 'exit', 'load before/after'],
      ran.map((r) => [
        r.name,
        r.seconds.toFixed(0),
        r.result ? String(r.exitCode) : `${r.exitCode} (no result)`,
        r.result ? `${r.result.load.before.toFixed(1)} / ${r.result.load.after.toFixed(1)}` : '',
      ]),
    ),
  );
  console.log(`\n${formatTable(ROW_HEADER, rows.map(rowCells))}`);
  const met = rows.filter((r) => r.status === 'met').length;
  const missed = rows.filter((r) => r.status === 'missed').length;
  console.log(`\ntargets: ${met} met, ${missed} missed; ${minutes.toFixed(1)} minutes in all`);
  const summary = {
    startedAt: startedAt.toISOString(),
    minutes,
    machine: machine(),
    load: os.loadavg()[0],
    benchmarks: ran.map(({ name, seconds, exitCode, result }) => ({
      name,
      seconds,
      exitCode,
      settings: result?.settings,
    })),
    rows,
  };
  mkdirSync(resultsDir(), { recursive: true });
  writeFileSync(join(resultsDir(), 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  writeFileSync(
    join(resultsDir(), 'summary.svg'),
    barChart('npm run bench: every target, and the peer', rows),
  );
  if (ran.some((r) => r.exitCode !== 0 || !r.result)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
