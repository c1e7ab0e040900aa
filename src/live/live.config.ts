/** Limits and timings of the live updates; every instance of a deployment should use the same ones. */
export interface LiveConfig {
  /** How often the tailer reads the change log: the delay a push adds after the read-model commit. */
  readonly pollMs: number;
  /** Change-log entries read per round. */
  readonly pageSize: number;
  readonly maxSubscriptionsPerSocket: number;
  /** Client messages per second a socket may send on average (token bucket refill)… */
  readonly messagesPerSecond: number;
  /** …and at once (bucket size); a socket a further burst in debt is disconnected. */
  readonly messageBurst: number;
  /** A socket with more unsent packets than this is disconnected (it can resume with `since`). */
  readonly maxBufferedPackets: number;
  /** A resume that would replay more entries than this is told to refetch instead. */
  readonly maxBacklog: number;
  /** How long change-log entries are kept for resuming clients. */
  readonly retentionMs: number;
  /** How often the retention runs (under a lease, on one instance at a time). */
  readonly trimIntervalMs: number;
  /** How long a subscribe with a `since` ahead of this instance waits for it to catch up. */
  readonly catchUpTimeoutMs: number;
}

export const LIVE_CONFIG = Symbol('LiveConfig');

const HOUR_MS = 3_600_000;

export const LIVE_DEFAULTS: LiveConfig = {
  pollMs: 25,
  pageSize: 256,
  maxSubscriptionsPerSocket: 50,
  messagesPerSecond: 20,
  messageBurst: 40,
  maxBufferedPackets: 1_000,
  maxBacklog: 1_000,
  retentionMs: 7 * 24 * HOUR_MS,
  trimIntervalMs: 60_000,
  catchUpTimeoutMs: 2_000,
};

/** LIVE_RETENTION_HOURS: how long resuming clients are served from the change log (default a week). */
export function liveConfigFromEnv(env: NodeJS.ProcessEnv): Partial<LiveConfig> {
  if (env.LIVE_RETENTION_HOURS === undefined) return {};
  const hours = Number(env.LIVE_RETENTION_HOURS);
  if (!Number.isFinite(hours) || hours <= 0)
    throw new Error(`LIVE_RETENTION_HOURS must be a positive number, got "${env.LIVE_RETENTION_HOURS}"`);
  return { retentionMs: hours * HOUR_MS };
}
