import { join, resolve } from 'node:path';
import { DocumentStoreConfig } from './document-store/create-document-store';
import { EventStoreConfig } from './event-store/create-event-store';
import { corsOriginsFromEnv, trustProxyFromEnv, TrustProxy } from './http/http-security';
import { MetricsSettings } from './metrics/metrics-server';
import { databaseFromUrl } from './mongodb/database-name';
import { KeyStoreConfig } from './personal-data/create-key-store';
import { RateLimitSettings, rateLimitsFromEnv } from './throttling/rate-limits';

/** The platform's own settings; features add theirs at the app root (src/app-config.ts). */
export interface PlatformConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly eventStore: EventStoreConfig;
  readonly documentStore: DocumentStoreConfig;
  readonly keyStore: KeyStoreConfig;
  /** Base64 secret that signs bearer tokens; shared by every instance. Embedded default: kept in dataDir. */
  readonly tokenSecret?: string;
  /** Mounts POST /api/dev/tokens, which issues a token for any actor and role. Never in production. */
  readonly devTokens: boolean;
  /** Per client address; unset buckets take their defaults (src/platform/throttling/rate-limits.ts). */
  readonly rateLimits?: RateLimitSettings;
  /** Which proxies' X-Forwarded-For names the client; none when unset. */
  readonly trustProxy?: TrustProxy;
  /** Origins of separately hosted web clients allowed by CORS; none when unset. */
  readonly corsOrigins?: readonly string[];
  /** Prometheus metrics on a port of their own; none when METRICS_PORT is unset. */
  readonly metrics?: MetricsSettings;
  /** How long a read given `minPosition` waits for the read models (SUARA_READ_WAIT_MS); 2 s when unset. */
  readonly readWaitMs?: number;
}

/** The only NODE_ENV values (unset included) under which the development token issuer may be mounted. */
const DEV_TOKEN_ENVIRONMENTS = [undefined, '', 'development', 'test'];

/** Reads the platform's settings once at start-up; every setting has a default that runs on a laptop. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  // An allow-list, exact and case-sensitive: NODE_ENV=Production or prod must not mount an issuer for anyone.
  if (env.SUARA_DEV_TOKENS === 'true' && !DEV_TOKEN_ENVIRONMENTS.includes(env.NODE_ENV)) {
    throw new Error(
      `SUARA_DEV_TOKENS=true issues tokens for anyone: it is refused when NODE_ENV="${env.NODE_ENV}" ` +
        '(allowed only with NODE_ENV unset, development or test)',
    );
  }
  return {
    port,
    dataDir,
    eventStore: env.EVENTSTORE_URL
      ? { kind: 'eventstoredb', url: env.EVENTSTORE_URL }
      : { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
    documentStore: env.MONGO_URL
      ? { kind: 'mongodb', url: env.MONGO_URL }
      : { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
    keyStore: keyStoreFromEnv(env, dataDir),
    tokenSecret: env.SUARA_TOKEN_SECRET,
    devTokens: env.SUARA_DEV_TOKENS === 'true',
    rateLimits: rateLimitsFromEnv(env),
    trustProxy: trustProxyFromEnv(env.SUARA_TRUST_PROXY),
    corsOrigins: corsOriginsFromEnv(env.SUARA_CORS_ORIGINS),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    metrics: metricsFromEnv(env),
    readWaitMs: readWaitFromEnv(env.SUARA_READ_WAIT_MS),
  };
}

/** At most a minute: a read held longer than that helps nobody, and holds a connection. */
function readWaitFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0 || ms > 60_000)
    throw new Error(`SUARA_READ_WAIT_MS must be milliseconds from 0 to 60000, got "${value}"`);
  return ms;
}

/** METRICS_PORT turns the metrics port on (0: any free one); METRICS_TOKEN, when set, is asked of every scrape. */
function metricsFromEnv(env: NodeJS.ProcessEnv): MetricsSettings | undefined {
  if (env.METRICS_PORT === undefined || env.METRICS_PORT === '') return undefined;
  const port = Number(env.METRICS_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`METRICS_PORT must be a TCP port, got "${env.METRICS_PORT}"`);
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && token.length < 16)
    throw new Error('METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 24)');
  return { port, host: env.METRICS_HOST || '0.0.0.0', token };
}

/**
 * Keys in a database of their own, which backups of the read models do not carry: KEYS_MONGO_URL's, or by default
 * `<read-model database>-keys` on MONGO_URL's server (where keys were kept before: refused if still there).
 */
function keyStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): KeyStoreConfig {
  if (env.KEYS_MONGO_URL) return { kind: 'mongodb', url: env.KEYS_MONGO_URL };
  if (!env.MONGO_URL) return { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') };
  const readModels = databaseFromUrl(env.MONGO_URL);
  return {
    kind: 'mongodb',
    url: env.MONGO_URL,
    database: `${readModels}-keys`,
    formerDatabase: readModels,
  };
}

export const APP_CONFIG = Symbol('AppConfig');
