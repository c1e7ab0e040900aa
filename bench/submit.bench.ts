// Submitting an aspiration through the whole platform (the real app: token check, validation, the command's
// read-fold-decide, sealing, durable append, projections running beside it) next to the bare validated Fastify POST
// of bench/support/bare-http.ts in the same run: requests per second at 50 connections, then the app at half its
// maximum rate, where issue 14 wants p99 under 50 ms. Both servers are child processes; autocannon runs in a worker
// thread of this process.
// Run: npm run bench:submit   (BENCH_SECONDS=3 npm run bench:submit for a quick look)
import { fork } from 'node:child_process';
import { tokenFor } from './support/api';
import { startApp } from './support/app-process';
import {
  autocannon,
  AutocannonResult,
  boot,
  checkBehaviour,
  CONNECTIONS,
  JSON_HEADERS,
  VALID_BODY,
} from './support/bare-http';
import { benchPort } from './support/ports';
import { Report } from './support/report';
import { TARGETS } from './support/targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;

/** Runs in the child: the bare module on Fastify, its URL sent back. */
async function serveBare(port: number): Promise<void> {
  const { url } = await boot('fastify', port);
  process.send!({ url });
}

async function startBare(): Promise<{ url: string; stop: () => void }> {
  const child = fork(__filename, ['--bare', String(benchPort())]);
  const url = await new Promise<string>((resolve) =>
    child.on('message', (message: { url?: string }) => message.url && resolve(message.url)),
  );
  return { url, stop: () => child.kill('SIGKILL') };
}

async function load(
  url: string,
  headers: Record<string, string>,
  duration: number,
  overallRate?: number,
): Promise<AutocannonResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers,
    body: VALID_BODY,
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
    workers: 1,
    overallRate,
  });
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  return result;
}

async function measureBare(): Promise<AutocannonResult> {
  const bare = await startBare();
  try {
    await checkBehaviour('fastify', bare.url);
    await load(`${bare.url}/api/aspirations`, JSON_HEADERS, WARMUP_SECONDS);
    return await load(`${bare.url}/api/aspirations`, JSON_HEADERS, SECONDS);
  } finally {
    bare.stop();
  }
}

/** The app at its maximum rate, then at half of it. */
async function measureApp(): Promise<[AutocannonResult, AutocannonResult]> {
  const app = await startApp();
  try {
    const token = await tokenFor(app.url, 'warga-bench', 'citizen');
    const headers = { ...JSON_HEADERS, authorization: `Bearer ${token}` };
    const url = `${app.url}/api/aspirations`;
    const answer = await fetch(url, { method: 'POST', headers, body: VALID_BODY });
    if (answer.status !== 201) throw new Error(`the app answered ${answer.status}: ${await answer.text()}`);
    await load(url, headers, WARMUP_SECONDS);
    const max = await load(url, headers, SECONDS);
    const half = await load(url, headers, SECONDS, Math.max(1, Math.round(max.requests.average / 2)));
    return [max, half];
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const report = new Report('submit', 'Submitting an aspiration: the whole platform next to the bare route', {
    BENCH_SECONDS: SECONDS,
  });
  report.print(
    `autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s; ` +
      'servers in child processes, client in a worker thread\n',
  );
  const bare = await measureBare();
  const [max, half] = await measureApp();
  const line = (name: string, r: AutocannonResult) => [
    name,
    r.requests.average.toFixed(0),
    r.latency.p50.toFixed(1),
    r.latency.p99.toFixed(1),
    String(r.requests.total),
  ];
  report.table(
    ['server', 'req/s', 'p50 ms', 'p99 ms', 'requests'],
    [
      line('bare Fastify POST (validated, stores nothing)', bare),
      line('suara-warga POST /api/aspirations, max rate', max),
      line(`suara-warga, half rate (${Math.round(max.requests.average / 2)}/s)`, half),
    ],
  );
  report.add({
    name: 'submit throughput, 50 connections',
    value: max.requests.average,
    unit: 'req/s',
    baseline: { name: 'bare validated Fastify POST', value: bare.requests.average },
    target: TARGETS.submitThroughput,
  });
  report.add({
    name: 'submit p99 at half the maximum rate',
    value: half.latency.p99,
    unit: 'ms',
    baseline: { name: 'bare route p99 at its maximum', value: bare.latency.p99 },
    target: TARGETS.submitP99AtHalfRate,
  });
  report.add({
    name: 'submit p99 at the maximum rate',
    value: max.latency.p99,
    unit: 'ms',
    baseline: { name: 'bare route p99 at its maximum', value: bare.latency.p99 },
  });
  report.finish();
}

if (process.argv[2] === '--bare') void serveBare(Number(process.argv[3]));
else
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
