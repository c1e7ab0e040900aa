import { join, resolve } from 'node:path';
import { EventStoreConfig } from './event-store/create-event-store';

export interface AppConfig {
  readonly port: number;
  readonly dataDir: string;
  readonly logLevel: string;
  readonly eventStore: EventStoreConfig;
}

/** Reads the environment once at start-up; every setting has a default that runs on a laptop. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, got "${env.PORT}"`);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  return {
    port,
    dataDir,
    eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

export const APP_CONFIG = Symbol('AppConfig');
