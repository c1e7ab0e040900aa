/** Delivery of notifications: Web Push, digests, retries and the outbox worker's pace. */
export interface NotificationsConfig {
  /** URL-safe base64 VAPID private key; unset: generated once into DATA_DIR (vapid-private-key). */
  readonly vapidPrivateKey?: string;
  /** Who runs this server, for push services: a mailto: or https: URL (RFC 8292). */
  readonly vapidSubject: string;
  /** Push services endpoints may point to (a host and the hosts below it); the platform posts nowhere else. */
  readonly pushHosts: readonly string[];
  /** Extra certificate authorities (PEM) trusted for push services (a private relay; tests). */
  readonly pushCa?: string;
  /** More than this many messages for one person on one channel within the window become one digest. */
  readonly digestThreshold: number;
  readonly digestWindowMs: number;
  /** Attempts per message before it is given up (recorded as failed). */
  readonly maxAttempts: number;
  /** Backoff between attempts: doubling from the base up to the cap, with full jitter. */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** How often the delivery worker looks for new notifications and due messages. */
  readonly pollMs: number;
  /** Notifications older than this when the worker first sees them stay in the app (no mail about last year). */
  readonly maxAgeMs: number;
  readonly leaseTtlMs: number;
}

const MINUTE_MS = 60_000;

export const NOTIFICATIONS_DEFAULTS: NotificationsConfig = {
  vapidSubject: 'mailto:operator@suara-warga.invalid',
  pushHosts: [
    'fcm.googleapis.com',
    'android.googleapis.com',
    'push.services.mozilla.com',
    'notify.windows.com',
    'push.apple.com',
  ],
  digestThreshold: 3,
  digestWindowMs: 15 * MINUTE_MS,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 60 * MINUTE_MS,
  pollMs: 500,
  maxAgeMs: 3 * 24 * 60 * MINUTE_MS,
  leaseTtlMs: 10_000,
};

export const NOTIFICATIONS_CONFIG = Symbol('NotificationsConfig');

const positiveNumber = (env: NodeJS.ProcessEnv, name: string): number | undefined => {
  const text = env[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${text}"`);
  return value;
};

/** SUARA_VAPID_PRIVATE_KEY, SUARA_VAPID_SUBJECT, SUARA_PUSH_HOSTS, SUARA_NOTIFY_DIGEST_THRESHOLD and _WINDOW_MINUTES. */
export function notificationsConfigFromEnv(env: NodeJS.ProcessEnv): Partial<NotificationsConfig> {
  const subject = env.SUARA_VAPID_SUBJECT;
  if (subject !== undefined && !/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/.test(subject))
    throw new Error(`SUARA_VAPID_SUBJECT must be a mailto: or https: URL, got "${subject}"`);
  const hosts = env.SUARA_PUSH_HOSTS?.split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
  const threshold = positiveNumber(env, 'SUARA_NOTIFY_DIGEST_THRESHOLD');
  if (threshold !== undefined && !Number.isInteger(threshold))
    throw new Error('SUARA_NOTIFY_DIGEST_THRESHOLD must be a whole number');
  const windowMinutes = positiveNumber(env, 'SUARA_NOTIFY_DIGEST_WINDOW_MINUTES');
  return {
    ...(env.SUARA_VAPID_PRIVATE_KEY && { vapidPrivateKey: env.SUARA_VAPID_PRIVATE_KEY }),
    ...(subject !== undefined && { vapidSubject: subject }),
    ...(hosts?.length && { pushHosts: hosts }),
    ...(threshold !== undefined && { digestThreshold: threshold }),
    ...(windowMinutes !== undefined && { digestWindowMs: windowMinutes * MINUTE_MS }),
  };
}
