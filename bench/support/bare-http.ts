// The bare baseline of the HTTP benchmarks: one small Nest module, served on Express or Fastify with the same
// global ValidationPipe as the app, whose validated POST stores nothing (the platform is measured, not storage);
// and autocannon, typed for the part of its API the benchmarks use.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
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

export const CONNECTIONS = 50;

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

export type Platform = 'express' | 'fastify';

export async function boot(platform: Platform, port = 0): Promise<{ app: INestApplication; url: string }> {
  const adapter = platform === 'express' ? new ExpressAdapter() : new FastifyAdapter();
  const app = await NestFactory.create(BenchModule, adapter, { logger: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(port, '127.0.0.1');
  const { port: bound } = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${bound}` };
}

// ---------------------------------------------------------------------------------------------------
// Requests

export const VALID_BODY = JSON.stringify({
  title: 'Saluran air tersumbat di RT 03',
  body: 'Saluran air di depan balai desa Kasongan Baru tersumbat sejak minggu lalu dan meluap saat hujan.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
});
export const JSON_HEADERS = { 'content-type': 'application/json' };

/** Both platforms must answer the three cases alike before their numbers mean anything. */
export async function checkBehaviour(platform: Platform, url: string): Promise<void> {
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

export interface Histogram {
  average: number;
  stddev: number;
  p50: number;
  p99: number;
}
export interface AutocannonResult {
  requests: Histogram & { total: number };
  latency: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
}
export interface AutocannonOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  pipelining: number;
  duration: number;
  workers?: number;
  /** Requests per second across all connections (open-loop load); unset: as fast as answered. */
  overallRate?: number;
}
export type Autocannon = (opts: AutocannonOptions) => Promise<AutocannonResult>;
export const autocannon = createRequire(__filename)('autocannon') as Autocannon;
