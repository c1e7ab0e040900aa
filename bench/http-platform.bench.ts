// Requests per second and latency of the same small Nest module on Express and on Fastify: the health
// check and a validated command POST, i.e. the platform's own cost (no storage behind the routes).
// Run: npm run bench:http   (BENCH_SECONDS=3 npm run bench:http for a quick run)
// By default autocannon runs in a worker thread of this process, so client and server each get their own
// event loop (on a 2-core machine: roughly a core each); BENCH_CLIENT=inline runs it on the server's thread.
import {
  autocannon,
  AutocannonResult,
  boot,
  checkBehaviour,
  CONNECTIONS,
  JSON_HEADERS,
  Platform,
  VALID_BODY,
} from './support/bare-http';
import { benchPort } from './support/ports';
import { Report } from './support/report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const INLINE_CLIENT = process.env.BENCH_CLIENT === 'inline';

interface Route {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  body?: string;
}
const ROUTES: Route[] = [
  { name: 'GET /api/health', path: '/api/health', method: 'GET' },
  { name: 'POST /api/aspirations', path: '/api/aspirations', method: 'POST', body: VALID_BODY },
];

interface Measurement {
  platform: Platform;
  route: string;
  rps: number;
  rpsStddev: number;
  p50: number;
  p99: number;
  total: number;
}

async function load(url: string, route: Route, duration: number): Promise<AutocannonResult> {
  const result = await autocannon({
    url: url + route.path,
    method: route.method,
    headers: route.body ? JSON_HEADERS : undefined,
    body: route.body,
    connections: CONNECTIONS,
    pipelining: 1,
    duration,
    workers: INLINE_CLIENT ? undefined : 1,
  });
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(
      `${route.name}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  return result;
}

async function measure(platform: Platform): Promise<Measurement[]> {
  const { app, url } = await boot(platform, benchPort());
  try {
    await checkBehaviour(platform, url);
    const results: Measurement[] = [];
    for (const route of ROUTES) {
      await load(url, route, WARMUP_SECONDS);
      const r = await load(url, route, SECONDS);
      results.push({
        platform,
        route: route.name,
        rps: r.requests.average,
        rpsStddev: r.requests.stddev,
        p50: r.latency.p50,
        p99: r.latency.p99,
        total: r.requests.total,
      });
      console.error(`  ${platform} ${route.name}: ${Math.round(r.requests.average)} req/s`);
    }
    return results;
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Report

function printTable(report: Report, rows: Measurement[]): void {
  const header = ['platform', 'route', 'req/s (avg)', 'req/s (sd)', 'p50 ms', 'p99 ms', 'requests'];
  const lines = rows.map((m) => [
    m.platform,
    m.route,
    m.rps.toFixed(0),
    m.rpsStddev.toFixed(0),
    m.p50.toFixed(1),
    m.p99.toFixed(1),
    String(m.total),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  report.print(format(header));
  report.print(
    '|' + widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|',
  );
  for (const l of lines) report.print(format(l));
  for (const route of ROUTES) {
    const of = (p: Platform) => rows.find((m) => m.platform === p && m.route === route.name)!;
    report.add({
      name: `fastify ${route.name}`,
      value: of('fastify').rps,
      unit: 'req/s',
      baseline: { name: `express ${route.name}`, value: of('express').rps },
    });
  }
}

async function main(): Promise<void> {
  const report = new Report('http', 'HTTP platform: the same Nest module on Express and on Fastify', {
    BENCH_SECONDS: SECONDS,
    BENCH_CLIENT: INLINE_CLIENT ? 'inline' : 'worker',
  });
  report.print(
    `autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per route; ` +
      `client ${INLINE_CLIENT ? 'inline on the server thread' : 'in a worker thread of the same process'}\n`,
  );
  const rows: Measurement[] = [];
  for (const platform of ['express', 'fastify'] as const) rows.push(...(await measure(platform)));
  printTable(report, rows);
  report.finish();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
