import { Controller, Get, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpAdapter } from '../http/http-platform';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { RateLimit } from './rate-limit.decorator';
import { RateLimitModule } from './rate-limit.module';

/** Routes as the accounts module will declare them. */
@Controller('api')
class SignInRoutes {
  @Post('sessions')
  @RateLimit('signIn')
  signIn() {
    return { ok: true };
  }

  @Post('accounts')
  @RateLimit('registration', 'codeSending')
  register() {
    return { ok: true };
  }

  @Post('other')
  other() {
    return { ok: true };
  }

  @Get('other')
  read() {
    return { ok: true };
  }
}

const MINUTE_MS = 60_000;

async function appWith(module: ReturnType<typeof RateLimitModule.with>): Promise<NestFastifyApplication> {
  @Module({ imports: [module], controllers: [SignInRoutes] })
  class Root {}
  const app = await NestFactory.create<NestFastifyApplication>(Root, createHttpAdapter(), {
    logger: false,
    abortOnError: false,
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.listen(0, '127.0.0.1');
  return app;
}

/** A real request from 127.0.0.1, answered as status, headers and body. */
const inject = async (app: NestFastifyApplication, request: { method: 'GET' | 'POST'; url: string }) => {
  const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${request.url}`, {
    method: request.method,
  });
  return { statusCode: response.status, headers: response.headers, json: () => response.json() };
};

const statuses = async (app: NestFastifyApplication, method: 'GET' | 'POST', url: string, times: number) => {
  const results: number[] = [];
  for (let i = 0; i < times; i += 1) results.push((await inject(app, { method, url })).statusCode);
  return results;
};

describe('rate limit buckets a route opts into', () => {
  let app: NestFastifyApplication;
  afterEach(() => (app as INestApplication | undefined)?.close());

  it('counts an opted-in route against its stricter bucket as well as the commands bucket', async () => {
    app = await appWith(
      RateLimitModule.with({
        signIn: { limit: 2, windowMs: MINUTE_MS },
        commands: { limit: 5, windowMs: MINUTE_MS },
      }),
    );
    expect(await statuses(app, 'POST', '/api/sessions', 3)).toEqual([201, 201, 429]);
    // Routes that did not opt in meet only the commands bucket: 3 of its 5 spent above, the refused one too.
    expect(await statuses(app, 'POST', '/api/other', 3)).toEqual([201, 201, 429]);
    expect(await statuses(app, 'GET', '/api/other', 1)).toEqual([200]);
  });

  it('applies every bucket a route names, the strictest deciding', async () => {
    app = await appWith(
      RateLimitModule.with({
        registration: { limit: 3, windowMs: MINUTE_MS },
        codeSending: { limit: 1, windowMs: MINUTE_MS },
      }),
    );
    const [first, second] = [
      await inject(app, { method: 'POST', url: '/api/accounts' }),
      await inject(app, { method: 'POST', url: '/api/accounts' }),
    ];
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(429);
    expect(await second.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('limits nothing when off', async () => {
    app = await appWith(RateLimitModule.with('off'));
    expect(await statuses(app, 'POST', '/api/sessions', 30)).toEqual(Array(30).fill(201));
  });
});
