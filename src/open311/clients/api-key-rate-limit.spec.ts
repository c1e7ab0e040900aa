import { RateLimitedError } from '../../platform/throttling/rate-limited.error';
import { ApiKeyRateLimit } from './api-key-rate-limit';

describe('the per-key rate limit', () => {
  it('counts each key on its own and opens a new window when one ends', () => {
    let now = 0;
    const limits = ApiKeyRateLimit.of({ apiKey: { limit: 2, windowMs: 60_000 } }, () => now);
    limits.take('a');
    limits.take('a');
    limits.take('b');
    expect(() => limits.take('a')).toThrow(RateLimitedError);
    now = 30_000;
    let refused: RateLimitedError | undefined;
    try {
      limits.take('a');
    } catch (error) {
      refused = error as RateLimitedError;
    }
    expect(refused).toMatchObject({ retryAfterSeconds: 30, message: expect.stringMatching(/api_key/) });
    now = 60_000;
    expect(() => limits.take('a')).not.toThrow();
  });

  it('takes the default of 120 a minute, and none when rate limits are off', () => {
    const limits = ApiKeyRateLimit.of(undefined, () => 0);
    for (let i = 0; i < 120; i++) limits.take('a');
    expect(() => limits.take('a')).toThrow(RateLimitedError);
    const off = ApiKeyRateLimit.of('off', () => 0);
    for (let i = 0; i < 1000; i++) off.take('a');
  });
});
