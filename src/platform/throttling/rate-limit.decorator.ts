import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { OptInBucket } from './rate-limits';

const RATE_LIMIT_BUCKETS = 'suara:rate-limit-buckets';

/** Counts a route (or every route of a controller) against stricter buckets too, e.g. @RateLimit('signIn'). */
export const RateLimit = (...buckets: OptInBucket[]) => SetMetadata(RATE_LIMIT_BUCKETS, buckets);

/** The opt-in buckets of the route being handled. */
export function optInBucketsOf(context: ExecutionContext): readonly OptInBucket[] {
  const read = (target: object) =>
    (Reflect.getMetadata(RATE_LIMIT_BUCKETS, target) as OptInBucket[] | undefined) ?? [];
  return [...read(context.getHandler()), ...read(context.getClass())];
}
