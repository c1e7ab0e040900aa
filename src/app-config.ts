import { AuditConfig, auditConfigFromEnv } from './audit/audit.config';
import { LiveConfig, liveConfigFromEnv } from './live/live.config';
import { NotificationsConfig, notificationsConfigFromEnv } from './notifications/notifications.config';
import { OidcConfig, oidcConfigFromEnv } from './platform/auth/oidc/oidc.config';
import { configFromEnv, PlatformConfig } from './platform/config';
import { MessagesConfig, messagesConfigFromEnv } from './platform/messages/messages.config';
import { Argon2Cost } from './platform/passwords/argon2-password-hasher';
import { SchedulerConfig, schedulerConfigFromEnv } from './scheduler/scheduler.config';

/** The whole configuration: the platform's settings plus each feature's, composed here at the app root. */
export interface AppConfig extends PlatformConfig {
  /** Live updates' limits and retention; unset ones take their defaults (src/live/live.config.ts). */
  readonly live?: Partial<LiveConfig>;
  /** Where codes go; unset: the development outbox, DATA_DIR/outbox.ndjson. */
  readonly messages?: MessagesConfig;
  /** Base64 key (≥ 32 bytes) that names login reservation streams; embedded default: kept in dataDir. */
  readonly loginKey?: string;
  /** Argon2id cost; unset: OWASP's. Tests lower it, production never should. */
  readonly passwordCost?: Argon2Cost;
  /** An external OpenID Connect issuer whose access tokens are accepted too; unset: our own tokens only. */
  readonly oidc?: OidcConfig;
  /** The built web app served at `/`; unset: dist/web under the project root (src/web/web-dir.ts). */
  readonly webDir?: string;
  /** Signed checkpoints; unset ones take their defaults (src/audit/audit.config.ts). */
  readonly audit?: Partial<AuditConfig>;
  /** The deadline scheduler; unset ones take their defaults (src/scheduler/scheduler.config.ts). */
  readonly scheduler?: Partial<SchedulerConfig>;
  /** Delivery of notifications (Web Push keys, digests, retries); unset ones take their defaults. */
  readonly notifications?: Partial<NotificationsConfig>;
}

/** Reads the environment once at start-up (src/platform/ imports no feature, so features join here). */
export function appConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const platform = configFromEnv(env);
  return {
    ...platform,
    live: liveConfigFromEnv(env),
    messages: messagesConfigFromEnv(env, platform.dataDir),
    loginKey: env.SUARA_LOGIN_KEY,
    oidc: oidcConfigFromEnv(env),
    audit: auditConfigFromEnv(env),
    scheduler: schedulerConfigFromEnv(env),
    notifications: notificationsConfigFromEnv(env),
  };
}
