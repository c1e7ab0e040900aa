// Requests per second and latency of the same small Nest module on Express and on Fastify: the health
// check and a validated command POST, i.e. the platform's own cost (no storage behind the routes).
// Run: npm run bench:http   (BENCH_SECONDS=3 npm run bench:http for a quick run)
// By default autocannon runs in a worker thread of this process, so client and server each get their own
// event loop (on a 2-core machine: roughly a core each); BENCH_CLIENT=inline runs it on the server's thread.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  INestApplication,
  Module,
  Post,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const CONNECTIONS = 50;
const INLINE_CLIENT = process.env.BENCH_CLIENT === 'inline';

// ---------------------------------------------------------------------------------------------------
// The module under test: identical for both platforms.

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

class SubmitAspirationDto {
  @IsString() @Length(5, 150) title!: string;
  @IsString() @Length(10, 5000) body!: string;
  @IsString() category!: string;
  @IsString() @Matches(REGION_CODE) regionCode!: string;
  @IsIn(['public', 'confidential']) visibility!: 'public' | 'confidential';
  @IsBoolean() anonymous!: boolean;
}

@Controller('api')
class BenchController {
  private position = 0n;

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  /** Shaped like our command responses; nothing is stored: the platform is measured, not the database. */
  @Post('aspirations')
  @HttpCode(201)
  submit(@Body() dto: SubmitAspirationDto) {
    void dto;
    this.position += 1n;
    return { id: randomUUID(), position: this.position.toString() };
  }
}

@Module({ controllers: [BenchController] })
class BenchModule {}

type Platform = 'express' | 'fastify';

async function boot(platform: Platform): Promise<{ app: INestApplication; url: string }> {
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}

// ---------------------------------------------------------------------------------------------------
// Requests

const VALID_BODY = JSON.stringify({
  title: 'Saluran air tersumbat di RT 03',
  body: 'Saluran air di depan balai desa Kasongan Baru tersumbat sejak minggu lalu dan meluap saat hujan.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
});
const JSON_HEADERS = { 'content-type': 'application/json' };

/** Both platforms must answer the three cases alike before their numbers mean anything. */
async function checkBehaviour(platform: Platform, url: string): Promise<void> {
  const post = (body: string) =>
    fetch(`${url}/api/aspirations`, { method: 'POST', headers: JSON_HEADERS, body });
  const expect = async (what: string, res: Response, status: number, check: (json: unknown) => boolean) => {
    const json: unknown = await res.json();
    if (res.status !== status || !check(json))
      throw new Error(`${platform}: ${what} answered ${res.status} ${JSON.stringify(json)}`);
  };
  await expect('GET /api/health', await fetch(`${url}/api/health`), 200, (j) => {
    return (j as { status?: string }).status === 'ok';
  });
  await expect('valid POST', await post(VALID_BODY), 201, (j) => {
    const { id, position } = j as { id?: string; position?: string };
    return typeof id === 'string' && typeof position === 'string';
  });
  const invalid = { ...JSON.parse(VALID_BODY), title: 'x', regionCode: '62.6', visibility: 'secret' };
  await expect('invalid POST', await post(JSON.stringify(invalid)), 400, () => true);
  const extra = { ...JSON.parse(VALID_BODY), isAdmin: true };
  await expect('POST with an unknown field', await post(JSON.stringify(extra)), 400, () => true);
}

// ---------------------------------------------------------------------------------------------------
// Load: autocannon has no type declarations of its own; this is the part of its API used here.

interface Histogram {
  average: number;
  stddev: number;
  p50: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  pipelining: number;
  duration: number;
  workers?: number;
}
type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

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
  const { app, url } = await boot(platform);
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

function printTable(rows: Measurement[]): void {
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
  console.log(format(header));
  console.log(
    '|' + widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|',
  );
  for (const l of lines) console.log(format(l));
  console.log();
  for (const route of ROUTES) {
    const of = (p: Platform) => rows.find((m) => m.platform === p && m.route === route.name)!;
    const ratio = of('fastify').rps / of('express').rps;
    console.log(`fastify/express ${route.name}: ${ratio.toFixed(2)}x requests/s`);
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores; Node ${process.version}`);
  console.log(
    `autocannon: ${CONNECTIONS} connections, pipelining 1, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per route; ` +
      `client ${INLINE_CLIENT ? 'inline on the server thread' : 'in a worker thread of the same process'}`,
  );
  // Other work on a shared machine skews a run: the load averages before and after show whether it did.
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()}`);
  const rows: Measurement[] = [];
  for (const platform of ['express', 'fastify'] as const) rows.push(...(await measure(platform)));
  console.log(`load average after:  ${load()}`);
  console.log();
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
