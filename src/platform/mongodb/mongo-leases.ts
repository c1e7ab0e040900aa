import { Collection, Db, MongoServerError, UpdateFilter } from 'mongodb';
import { serverTime } from './mongo-database';

const LEASES = '_leases';
/** How often a take-over that lost an insert race is tried again (each retry sees the winner's generation). */
const RACE_RETRIES = 5;

/**
 * One generation of a lease: held until `renewedAt + ttlMs`. Taking a lease over inserts the next generation (an
 * atomic step); the holder renews its own generation in place. Records written before renewals were timed by the
 * server carry `expiresAt` instead.
 */
interface LeaseRecord {
  _id: string;
  name: string;
  generation: number;
  holder: string | null;
  renewedAt?: Date;
  ttlMs?: number;
  expiresAt?: Date;
}

const leaseId = (name: string, generation: number) => `${name}|${String(generation).padStart(16, '0')}`;

const expiryOf = (lease: LeaseRecord): number =>
  lease.renewedAt ? lease.renewedAt.getTime() + (lease.ttlMs ?? 0) : (lease.expiresAt?.getTime() ?? 0);

const isDuplicateKey = (error: unknown) => error instanceof MongoServerError && error.code === 11000;

/**
 * Leases on MongoDB, timed by the server's clock unless the caller gives a time. A holder renews with one
 * findOneAndUpdate that stamps `renewedAt` with the server's `$currentDate`, while it is certainly in time (half
 * the TTL since its last renewal was sent). FerretDB 1.x runs a conditional update as a read and then a write, so
 * two instances could both take an expired lease by updating it: a take-over, and a renewal that is late, insert the
 * next generation under a unique _id instead, and of two instances that saw the same generation exactly one wins.
 */
export class MongoLeases {
  private ready?: Promise<unknown>;
  /** Per lease and holder, until when (this process's monotonic clock) a renewal in place is certainly in time. */
  private readonly inTimeUntil = new Map<string, number>();

  constructor(private readonly db: Db) {}

  private get leases(): Collection<LeaseRecord> {
    return this.db.collection<LeaseRecord>(LEASES);
  }

  async acquire(
    name: string,
    holder: string,
    ttlMs: number,
    now: Date | undefined,
    abandoned: (holder: string) => boolean,
  ): Promise<boolean> {
    await this.prepare();
    const key = `${name}\u0000${holder}`;
    const started = performance.now();
    // The lease runs at least ttlMs from when its last renewal was sent. Half of that later, renewing in place
    // could land after a take-over: a late holder goes the exclusive way below, inserting the next generation.
    const inTime = started < (this.inTimeUntil.get(key) ?? -Infinity);
    this.inTimeUntil.delete(key);
    const held =
      (inTime && (await this.renew(name, holder, ttlMs, now))) ||
      (await this.take(name, holder, ttlMs, now, abandoned));
    if (held) this.inTimeUntil.set(key, started + ttlMs / 2);
    return held;
  }

  /** Takes the lease by inserting its next generation: free, expired, abandoned, or this holder's own. */
  private async take(
    name: string,
    holder: string,
    ttlMs: number,
    now: Date | undefined,
    abandoned: (holder: string) => boolean,
  ): Promise<boolean> {
    let clock = now;
    for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
      const current = await this.current(name);
      clock ??= await serverTime(this.db);
      const heldByAnother =
        current &&
        current.holder !== null &&
        current.holder !== holder &&
        expiryOf(current) > clock.getTime();
      if (heldByAnother && !abandoned(current.holder!)) return false;
      if (await this.next(name, current, { holder, renewedAt: clock, ttlMs })) return true;
    }
    return false;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.prepare();
    this.inTimeUntil.delete(`${name}\u0000${holder}`);
    for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
      const current = await this.current(name);
      if (!current || current.holder !== holder) return;
      if (await this.next(name, current, { holder: null, renewedAt: new Date(0), ttlMs: 0 })) return;
    }
  }

  /** The holder's own newest generation, renewed in one round trip; false when it has none (any more). */
  private async renew(name: string, holder: string, ttlMs: number, now: Date | undefined): Promise<boolean> {
    const update: UpdateFilter<LeaseRecord> = now
      ? { $set: { renewedAt: now, ttlMs }, $unset: { expiresAt: '' } }
      : { $currentDate: { renewedAt: true }, $set: { ttlMs }, $unset: { expiresAt: '' } };
    // No projection: FerretDB 1.x refuses one on findAndModify.
    const renewed = await this.leases.findOneAndUpdate({ name, holder }, update, {
      sort: { generation: -1 },
    });
    return renewed !== null;
  }

  private current(name: string): Promise<LeaseRecord | null> {
    return this.leases.findOne({ name }, { sort: { generation: -1 } });
  }

  /** Inserts the generation after `current`; false when another instance inserted it first. */
  private async next(
    name: string,
    current: LeaseRecord | null,
    lease: Pick<LeaseRecord, 'holder' | 'renewedAt' | 'ttlMs'>,
  ): Promise<boolean> {
    const generation = (current?.generation ?? 0) + 1;
    try {
      await this.leases.insertOne({ _id: leaseId(name, generation), name, generation, ...lease });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    // Older generations are removed only after a newer one exists, so the newest is always there. A generation
    // inserted from a stale read (its successor already came and went) sees a newer one and withdraws.
    if (await this.leases.findOne({ name, generation: { $gt: generation } })) {
      await this.leases.deleteOne({ _id: leaseId(name, generation) });
      return false;
    }
    await this.leases.deleteMany({ name, generation: { $lt: generation } });
    return true;
  }

  private prepare(): Promise<unknown> {
    this.ready ??= this.leases.createIndex({ name: 1, generation: -1 }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}
