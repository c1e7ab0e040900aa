import { join, resolve } from 'node:path';
import { DocumentStoreConfig } from './document-store/create-document-store';
import { EventStoreConfig } from './event-store/create-event-store';
import { KeyStoreConfig } from './personal-data/create-key-store';
import { LiveConfig, liveConfigFromEnv } from '../live/live.config';

export interface AppConfig {
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
  /** Live updates' limits and retention; unset ones take their defaults (src/live/live.config.ts). */
  readonly live?: Partial<LiveConfig>;
}

/** Reads the environment once at start-up; every setting has a default that runs on a laptop. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  if (env.SUARA_DEV_TOKENS === 'true' && env.NODE_ENV === 'production') {
    throw new Error('SUARA_DEV_TOKENS=true issues tokens for anyone: it is refused when NODE_ENV=production');
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
    keyStore: env.MONGO_URL
      ? { kind: 'mongodb', url: env.MONGO_URL }
      : { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') },
    tokenSecret: env.SUARA_TOKEN_SECRET,
    devTokens: env.SUARA_DEV_TOKENS === 'true',
    live: liveConfigFromEnv(env),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

export const APP_CONFIG = Symbol('AppConfig');
