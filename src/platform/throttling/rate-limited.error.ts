/** A client address over one of its rate limits: answered 429 rate_limited with Retry-After. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from this address; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}
