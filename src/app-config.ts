import { LiveConfig, liveConfigFromEnv } from './live/live.config';
import { configFromEnv, PlatformConfig } from './platform/config';

/** The whole configuration: the platform's settings plus each feature's, composed here at the app root. */
export interface AppConfig extends PlatformConfig {
  /** Live updates' limits and retention; unset ones take their defaults (src/live/live.config.ts). */
  readonly live?: Partial<LiveConfig>;
}

/** Reads the environment once at start-up (src/platform/ imports no feature, so features join here). */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return { ...configFromEnv(env), live: liveConfigFromEnv(env) };
}
