import { RateLimit, RATE_LIMIT_DEFAULTS, RateLimitSettings } from '../../platform/throttling/rate-limits';
import { RateLimitedError } from '../../platform/throttling/rate-limited.error';

/**
 * Per API key, in memory, per instance (like the per-address limits): at most `limit` requests in each window
 * of `windowMs`. Only keys that held are counted, so the map grows with the client applications, not with input.
 */
export class ApiKeyRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: RateLimit | undefined,
    private readonly now: () => number,
  ) {}

  static of(settings: RateLimitSettings | undefined, now: () => number): ApiKeyRateLimit {
    return new ApiKeyRateLimit(
      settings === 'off' ? undefined : (settings?.apiKey ?? RATE_LIMIT_DEFAULTS.apiKey),
      now,
    );
  }

  /** Counts one request of the client; over its limit, refuses with the seconds until its window ends. */
  take(clientId: string): void {
    if (this.limit === undefined) return;
    const { limit, windowMs } = this.limit;
    const now = this.now();
    const current = this.windows.get(clientId);
    const window = current && now - current.start < windowMs ? current : { start: now, count: 0 };
    window.count += 1;
    this.windows.set(clientId, window);
    if (window.count <= limit) return;
    const refused = new RateLimitedError(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)));
    refused.message = `Too many requests with this api_key; retry in ${refused.retryAfterSeconds} s`;
    throw refused;
  }
}
