/** How the delays after failed sign-ins grow. */
export interface FailureDelayPolicy {
  /** Failures answered without delay (typing mistakes). */
  readonly freeFailures: number;
  /** The first delay; each further failure doubles it… */
  readonly firstDelayMs: number;
  /** …up to this. */
  readonly maxDelayMs: number;
  /** A burst: this many failures in a row for one (login, address); reported once per burst. */
  readonly burstThreshold: number;
  /** A key with no failure for this long starts over. */
  readonly forgetAfterMs: number;
  /** Keys remembered at most (the oldest are dropped): a flood of logins cannot exhaust memory. */
  readonly maxKeys: number;
}

export const FAILURE_DELAY_DEFAULTS: FailureDelayPolicy = {
  freeFailures: 3,
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  burstThreshold: 10,
  forgetAfterMs: 15 * 60_000,
  maxKeys: 100_000,
};

/** What the audit records when a burst of failures is crossed (the accounts module appends it as an event). */
export interface FailureBurst {
  readonly login: string;
  readonly address: string;
  readonly failures: number;
  /** The first failure of this run. */
  readonly windowStartedAt: Date;
  readonly at: Date;
}

interface FailureRecord {
  failures: number;
  firstFailureMs: number;
  lastFailureMs: number;
  allowedFromMs: number;
  burstReported: boolean;
}

/** The delay that follows the n-th failure in a row: 0 for the free ones, then doubling, capped. */
export function delayAfterFailures(failures: number, policy: FailureDelayPolicy): number {
  const beyondFree = failures - policy.freeFailures;
  if (beyondFree <= 0) return 0;
  // Capping the exponent first keeps 2 ** n finite however many failures there were.
  const doublings = Math.min(beyondFree - 1, 40);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** doublings);
}

/**
 * Growing delays instead of lockouts after failed sign-ins, per (login, client address): an attacker is slowed
 * down, while the owner signing in from elsewhere is never locked out. In memory, per instance.
 */
export class FailureDelays {
  private readonly records = new Map<string, FailureRecord>();

  constructor(
    private readonly now: () => Date,
    private readonly policy: FailureDelayPolicy = FAILURE_DELAY_DEFAULTS,
    private readonly onBurst: (burst: FailureBurst) => void = () => undefined,
  ) {}

  /** Milliseconds before this (login, address) may try again; 0 when it may try now. */
  waitBeforeAttempt(login: string, address: string): number {
    const record = this.current(keyOf(login, address));
    return record ? Math.max(0, record.allowedFromMs - this.now().getTime()) : 0;
  }

  /** Counts a failure; returns the wait it imposes on the next attempt. */
  recordFailure(login: string, address: string): number {
    const key = keyOf(login, address);
    const nowMs = this.now().getTime();
    const record = this.current(key) ?? {
      failures: 0,
      firstFailureMs: nowMs,
      lastFailureMs: nowMs,
      allowedFromMs: 0,
      burstReported: false,
    };
    record.failures += 1;
    record.lastFailureMs = nowMs;
    const delayMs = delayAfterFailures(record.failures, this.policy);
    record.allowedFromMs = nowMs + delayMs;
    // Re-inserted so the map's order is least recently failed first, the order in which keys are dropped.
    this.records.delete(key);
    this.records.set(key, record);
    this.dropOldest();
    if (!record.burstReported && record.failures >= this.policy.burstThreshold) {
      record.burstReported = true;
      const windowStartedAt = new Date(record.firstFailureMs);
      this.onBurst({ login, address, failures: record.failures, windowStartedAt, at: new Date(nowMs) });
    }
    return delayMs;
  }

  /** A successful sign-in ends the burst: the next failure is free again. */
  recordSuccess(login: string, address: string): void {
    this.records.delete(keyOf(login, address));
  }

  private current(key: string): FailureRecord | undefined {
    const record = this.records.get(key);
    if (record && this.now().getTime() - record.lastFailureMs >= this.policy.forgetAfterMs) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private dropOldest(): void {
    for (const key of this.records.keys()) {
      if (this.records.size <= this.policy.maxKeys) return;
      this.records.delete(key);
    }
  }
}

// JSON keeps a login containing the separator from colliding with another (login, address) pair.
const keyOf = (login: string, address: string) => JSON.stringify([login, address]);
