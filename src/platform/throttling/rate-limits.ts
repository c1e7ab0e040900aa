/** Buckets every route counts against, by method: reads (GET, HEAD) or commands (everything else). */
export const ROUTE_BUCKETS = ['reads', 'commands'] as const;
/** Stricter buckets a route opts into with @RateLimit(…), counted besides its method's bucket. */
export const OPT_IN_BUCKETS = ['signIn', 'registration', 'codeSending'] as const;
/** Buckets counted per client API key rather than per address (Open311 client applications). */
export const KEY_BUCKETS = ['apiKey'] as const;

export type OptInBucket = (typeof OPT_IN_BUCKETS)[number];
export type KeyBucket = (typeof KEY_BUCKETS)[number];
export type RateLimitBucket = (typeof ROUTE_BUCKETS)[number] | OptInBucket | KeyBucket;

/** At most `limit` requests per client address in any `windowMs`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export type RateLimits = Readonly<Record<RateLimitBucket, RateLimit>>;

/** 'off' for a deployment whose proxy limits already (and for tests that send hundreds of requests). */
export type RateLimitSettings = 'off' | Partial<RateLimits>;

const MINUTE_MS = 60_000;

export const RATE_LIMIT_DEFAULTS: RateLimits = {
  reads: { limit: 600, windowMs: MINUTE_MS },
  commands: { limit: 120, windowMs: MINUTE_MS },
  signIn: { limit: 10, windowMs: MINUTE_MS },
  registration: { limit: 5, windowMs: 10 * MINUTE_MS },
  codeSending: { limit: 5, windowMs: 10 * MINUTE_MS },
  apiKey: { limit: 120, windowMs: MINUTE_MS },
};

const ENV_NAMES: Record<RateLimitBucket, string> = {
  reads: 'SUARA_RATE_LIMIT_READS',
  commands: 'SUARA_RATE_LIMIT_COMMANDS',
  signIn: 'SUARA_RATE_LIMIT_SIGN_IN',
  registration: 'SUARA_RATE_LIMIT_REGISTRATION',
  codeSending: 'SUARA_RATE_LIMIT_CODE_SENDING',
  apiKey: 'SUARA_RATE_LIMIT_API_KEY',
};

/** `<requests>/<seconds>`, e.g. 600/60: whole numbers, both at least 1. */
export function parseRateLimit(name: string, text: string): RateLimit {
  const match = /^([1-9][0-9]{0,8})\/([1-9][0-9]{0,6})$/.exec(text.trim());
  if (!match) throw new Error(`${name} must be <requests>/<seconds> like 600/60, got "${text}"`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}

/** SUARA_RATE_LIMITS=off, or one SUARA_RATE_LIMIT_<BUCKET> per bucket to change; the rest keep their defaults. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): RateLimitSettings {
  if (env.SUARA_RATE_LIMITS === 'off') return 'off';
  if (env.SUARA_RATE_LIMITS !== undefined && env.SUARA_RATE_LIMITS !== 'on')
    throw new Error(`SUARA_RATE_LIMITS must be on or off, got "${env.SUARA_RATE_LIMITS}"`);
  const limits: Partial<Record<RateLimitBucket, RateLimit>> = {};
  for (const [bucket, name] of Object.entries(ENV_NAMES) as [RateLimitBucket, string][]) {
    const text = env[name];
    if (text !== undefined) limits[bucket] = parseRateLimit(name, text);
  }
  return limits;
}
