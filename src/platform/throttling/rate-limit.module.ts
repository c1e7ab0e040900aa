import { DynamicModule, ExecutionContext, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { optInBucketsOf } from './rate-limit.decorator';
import { RateLimitedError } from './rate-limited.error';
import { OPT_IN_BUCKETS, RATE_LIMIT_DEFAULTS, RateLimits, RateLimitSettings } from './rate-limits';

const isRead = (context: ExecutionContext) =>
  ['GET', 'HEAD'].includes(context.switchToHttp().getRequest<FastifyRequest>().method);

/** One throttler per bucket; each route meets its method's bucket and the ones it opted into. */
function throttlersFor(limits: RateLimits): ThrottlerOptions[] {
  return [
    { name: 'reads', ttl: limits.reads.windowMs, limit: limits.reads.limit, skipIf: (c) => !isRead(c) },
    { name: 'commands', ttl: limits.commands.windowMs, limit: limits.commands.limit, skipIf: isRead },
    ...OPT_IN_BUCKETS.map((bucket) => ({
      name: bucket,
      ttl: limits[bucket].windowMs,
      limit: limits[bucket].limit,
      skipIf: (context: ExecutionContext) => !optInBucketsOf(context).includes(bucket),
    })),
  ];
}

/** The throttler's guard, counting per (bucket, client address) across routes and refusing as a problem. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // The address's budget is shared by every route of a bucket, not kept per route.
  protected override generateKey(_context: ExecutionContext, tracker: string, bucket: string): string {
    return `${bucket}:${tracker}`;
  }

  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitedError(Math.max(1, Math.ceil(detail.timeToBlockExpire)));
  }
}

/**
 * Rate limits per client address (Fastify's request.ip, which honours SUARA_TRUST_PROXY), kept in memory:
 * each instance counts on its own, so N instances allow up to N times the limit.
 */
@Module({})
export class RateLimitModule {
  static with(settings: RateLimitSettings | undefined): DynamicModule {
    if (settings === 'off') return { module: RateLimitModule };
    const limits = { ...RATE_LIMIT_DEFAULTS, ...settings };
    return {
      module: RateLimitModule,
      // Headers off: the only one clients need is Retry-After, sent with the 429 problem.
      imports: [ThrottlerModule.forRoot({ setHeaders: false, throttlers: throttlersFor(limits) })],
      providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
    };
  }
}
