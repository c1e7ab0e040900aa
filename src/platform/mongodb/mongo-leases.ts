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
 * findOneAndUpdate that stamps `renewedAt` with the server's `$currentDate`. FerretDB 1.x runs a conditional
 * update as a read and then a write, so two instances could both take an expired lease by updating it: a take-over
 * inserts the next generation under a unique _id instead, and of two instances that saw the same generation exactly
 * one succeeds. A holder renewing in the very instant its expired lease is taken over may keep working until its
 * next renewal finds its generation gone; every projection write is guarded by position, so that cannot corrupt.
 */
export class MongoLeases {
  private ready?: Promise<unknown>;

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
    if (await this.renew(name, holder, ttlMs, now)) return true;
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
