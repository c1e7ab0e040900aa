import {
  AnyBulkWriteOperation,
  Collection,
  Db,
  Document,
  MongoClient,
  MongoClientOptions,
  MongoServerError,
  MongoBulkWriteError,
} from 'mongodb';
import {
  ChangeEntry,
  Doc,
  DocumentStore,
  DocumentWrite,
  Filter,
  FindOptions,
  IndexSpec,
  ProjectionCommit,
  RedactPayloads,
} from './document-store.port';
import { positionFromStored, storedPosition } from './positions';

/** The field each stored document carries: the stored text of the position that wrote this version. */
const POSITION = '_position';
const CHECKPOINTS = '_checkpoints';
const ALIASES = '_aliases';
const LEASES = '_leases';
const CHANGES = '_changes';
/** Batches being committed, one per checkpoint: a redo log that makes a batch all-or-nothing without transactions. */
const PENDING = '_pending_commits';
/** Read-model collections: a letter, then letters, digits, `_`, `-` or `.`; `_…` names are this store's own. */
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,119}$/;
/** How often a write that lost an insert race is tried again (each retry sees the winner's version). */
const RACE_RETRIES = 5;
const DEFAULT_DATABASE = 'suara-warga';

interface ChangeRecord {
  _id: string;
  position: string;
  topic: string;
  eventType: string;
  /** JSON text: payloads are only read back, and MongoDB 7 (but not FerretDB 1.x) stores keys like "62.06". */
  payloads: string;
}

/** One generation of a lease. Taking or renewing a lease inserts the next generation: an atomic step. */
interface LeaseRecord {
  _id: string;
  name: string;
  generation: number;
  holder: string | null;
  expiresAt: Date;
}

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoServerError && error.code === 11000;

/** The database a MongoDB URL names (`mongodb://host/suara`), or the default when it names none. */
export function databaseFromUrl(url: string): string {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(url)?.[1];
  return path ? decodeURIComponent(path) : DEFAULT_DATABASE;
}

function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name) || name.startsWith('system.'))
    throw new Error(
      `Invalid collection name "${name}": use a letter, then letters, digits, "_", "-" or "." (at most 120)`,
    );
}

/** FerretDB 1.x refuses field names with "." or a leading "$" (MongoDB 5+ stores them); fail with a clear message. */
function assertStorableKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    for (const item of value) assertStorableKeys(item, where);
  } else if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('.') || key.startsWith('$') || key.includes('\0'))
        throw new Error(`${where}: field name "${key}" contains "." or "\\0" or starts with "$"`);
      assertStorableKeys(item, where);
    }
  }
}

const withoutPosition = <T extends Doc>(stored: Document): T => {
  const { [POSITION]: _position, ...document } = stored;
  return document as T;
};

const leaseId = (name: string, generation: number) => `${name}|${String(generation).padStart(16, '0')}`;

/**
 * The document store on MongoDB (FerretDB 1.x in CI). No multi-document transactions: a batch is first recorded whole
 * in one document (atomic), then its documents, change-log entries and checkpoint are written, each guarded so that
 * writing them twice is harmless, then the record is removed. A runner that takes over first recovers: it finishes an
 * interrupted batch, so a crash midway can neither lose part of a batch nor let a projection re-apply it to newer
 * documents.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly client: MongoClient;
  private readonly db: Db;
  private ready?: Promise<void>;

  constructor(url: string, options: { database?: string; client?: MongoClientOptions } = {}) {
    this.client = new MongoClient(url, { ignoreUndefined: true, ...options.client });
    this.db = this.client.db(options.database ?? databaseFromUrl(url));
  }

  async find<T extends Doc>(
    collection: string,
    filter: Filter = {},
    options: FindOptions = {},
  ): Promise<T[]> {
    let cursor = this.collection(collection).find(filter);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()).map((stored) => withoutPosition<T>(stored));
  }

  async findOne<T extends Doc>(collection: string, filter: Filter): Promise<T | undefined> {
    const stored = await this.collection(collection).findOne(filter);
    return stored ? withoutPosition<T>(stored) : undefined;
  }

  count(collection: string, filter: Filter = {}): Promise<number> {
    return this.collection(collection).countDocuments(filter);
  }

  async commit(batch: ProjectionCommit): Promise<void> {
    await this.prepare();
    this.validate(batch);
    const pending = this.db.collection<{ _id: string; batch: string }>(PENDING);
    await pending.replaceOne(
      { _id: batch.checkpoint.name },
      { batch: serializeBatch(batch) },
      { upsert: true },
    );
    try {
      await this.applyBatch(batch);
    } finally {
      // A batch that failed (rather than died with the process) is not finished later: it fails again, loudly.
      await pending.deleteOne({ _id: batch.checkpoint.name });
    }
  }

  /** Finishes a batch a crash interrupted (idempotent: every write in it is guarded). */
  async recover(name: string): Promise<void> {
    await this.prepare();
    const pending = this.db.collection<{ _id: string; batch: string }>(PENDING);
    const record = await pending.findOne({ _id: name });
    if (!record) return;
    await this.applyBatch(deserializeBatch(record.batch));
    await pending.deleteOne({ _id: name });
  }

  private validate(batch: ProjectionCommit): void {
    for (const write of batch.writes) {
      assertCollectionName(write.collection);
      if ('document' in write)
        assertStorableKeys(write.document, `Document ${write.collection}/${write.document._id}`);
    }
  }

  protected async applyBatch(batch: ProjectionCommit): Promise<void> {
    const byCollection = new Map<string, Map<string, DocumentWrite>>();
    for (const write of batch.writes) {
      const id = 'document' in write ? write.document._id : write.delete;
      const writes = byCollection.get(write.collection) ?? new Map<string, DocumentWrite>();
      byCollection.set(write.collection, writes);
      // Only the newest write of a document matters (the last one at a tie), and two writes of one document
      // must never race each other.
      const earlier = writes.get(id);
      if (!earlier || write.position >= earlier.position) writes.set(id, write);
    }
    await Promise.all(
      [...byCollection].map(([name, writes]) => this.writeDocuments(name, [...writes.values()])),
    );

    if (batch.changes.length > 0) {
      const records = batch.changes.map((change): ChangeRecord => ({
        _id: `${storedPosition(change.position)}|${change.topic}`,
        position: storedPosition(change.position),
        topic: change.topic,
        eventType: change.eventType,
        payloads: JSON.stringify(change.payloads),
      }));
      // A replayed batch finds its entries already there.
      await this.db
        .collection<ChangeRecord>(CHANGES)
        .insertMany(records, { ordered: false })
        .catch((error: unknown) => {
          if (!isOnlyDuplicateKeys(error)) throw error;
        });
    }

    // The checkpoint only moves forward: a replayed or stale batch finds a later one and leaves it.
    const { name, position } = batch.checkpoint;
    const stored = storedPosition(position);
    await this.db
      .collection<{ _id: string; position: string }>(CHECKPOINTS)
      .replaceOne({ _id: name, position: { $lt: stored } }, { position: stored }, { upsert: true })
      .catch((error: unknown) => {
        if (!isOnlyDuplicateKeys(error)) throw error;
      });
  }

  async checkpoint(name: string): Promise<bigint | undefined> {
    const stored = await this.db
      .collection<{ _id: string; position: string }>(CHECKPOINTS)
      .findOne({ _id: name });
    return stored ? positionFromStored(stored.position) : undefined;
  }

  async readChanges(options: {
    after?: bigint;
    topics?: readonly string[];
    limit: number;
  }): Promise<ChangeEntry[]> {
    if (options.topics?.length === 0 || options.limit <= 0) return [];
    await this.prepare();
    const filter: Document = {};
    if (options.after !== undefined) filter.position = { $gt: storedPosition(options.after) };
    if (options.topics) filter.topic = { $in: [...options.topics] };
    const records = await this.db
      .collection<ChangeRecord>(CHANGES)
      .find(filter)
      .sort({ position: 1, topic: 1 })
      .limit(options.limit)
      .toArray();
    return records.map((record) => ({
      position: positionFromStored(record.position),
      topic: record.topic,
      eventType: record.eventType,
      payloads: JSON.parse(record.payloads) as Record<string, unknown>,
    }));
  }

  async trimChanges(upTo: bigint): Promise<void> {
    await this.db.collection<ChangeRecord>(CHANGES).deleteMany({ position: { $lte: storedPosition(upTo) } });
  }

  /** Best effort on disk: the server's journal, oplog and backups keep old versions until they rotate. */
  async purgeChanges(value: string, redact: RedactPayloads): Promise<number> {
    const changes = this.db.collection<ChangeRecord>(CHANGES);
    const needle = JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    let rewritten = 0;
    for await (const record of changes.find({ payloads: { $regex: needle } })) {
      const payloads = JSON.stringify(redact(JSON.parse(record.payloads) as Record<string, unknown>));
      await changes.updateOne({ _id: record._id }, { $set: { payloads } });
      rewritten++;
    }
    return rewritten;
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    const target = this.collection(collection);
    // Idempotent: an index that exists with the same keys and options is left as it is. One index per command:
    // FerretDB 1.x panics on a createIndexes naming two or more indexes that already exist (FerretDB#3858).
    for (const index of indexes)
      await target.createIndex({ ...index.fields }, index.unique ? { unique: true } : {});
  }

  async dropCollection(collection: string): Promise<void> {
    try {
      await this.collection(collection).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 26)) throw error; // NamespaceNotFound
    }
  }

  /**
   * FerretDB 1.x runs a conditional update as a read, then a write by _id: two instances could both take an expired
   * lease that way. So every change of a lease inserts its next generation under a unique _id instead: of two
   * instances that saw the same generation, exactly one inserts the next one.
   */
  async acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    now: Date,
    abandoned: (holder: string) => boolean = () => false,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
      const current = await this.currentLease(name);
      const heldByAnother =
        current && current.holder !== null && current.holder !== holder && current.expiresAt > now;
      if (heldByAnother && !abandoned(current.holder!)) return false;
      const taken = await this.nextLease(name, current, holder, new Date(now.getTime() + ttlMs));
      if (taken) return true;
    }
    return false;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
      const current = await this.currentLease(name);
      if (!current || current.holder !== holder) return;
      if (await this.nextLease(name, current, null, new Date(0))) return;
    }
  }

  async alias(name: string): Promise<string | undefined> {
    const stored = await this.db
      .collection<{ _id: string; collection: string }>(ALIASES)
      .findOne({ _id: name });
    return stored?.collection;
  }

  async setAlias(name: string, collection: string): Promise<void> {
    assertCollectionName(collection);
    await this.db
      .collection<{ _id: string; collection: string }>(ALIASES)
      .replaceOne({ _id: name }, { collection }, { upsert: true });
  }

  close(): Promise<void> {
    return this.client.close();
  }

  private collection(name: string): Collection<Doc> {
    assertCollectionName(name);
    return this.db.collection<Doc>(name);
  }

  /** The store's own indexes, declared once per instance before it first writes or reads the change log. */
  private prepare(): Promise<void> {
    this.ready ??= Promise.all([
      this.db.collection(CHANGES).createIndex({ position: 1, topic: 1 }),
      this.db.collection(LEASES).createIndex({ name: 1, generation: -1 }),
    ]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  /**
   * Guarded replaces and deletes: a document already at this position or later does not match the filter, so the
   * upsert tries to insert it again and fails on its _id (11000), which means "newer or equal version kept".
   */
  private async writeDocuments(collection: string, writes: readonly DocumentWrite[]): Promise<void> {
    const target = this.db.collection<Doc>(collection);
    try {
      await target.bulkWrite(writes.map(operationOf), { ordered: false });
      return;
    } catch (error) {
      if (!isOnlyDuplicateKeys(error)) throw error;
    }
    // FerretDB 1.x stops an update command at its first error, even when unordered (FerretDB#2612), and may name
    // the wrong index: every write is applied again on its own. Repeating the applied ones is harmless (guarded).
    await Promise.all(writes.map((write) => this.applyGuarded(target, write)));
  }

  private async applyGuarded(target: Collection<Doc>, write: DocumentWrite): Promise<void> {
    const position = storedPosition(write.position);
    if ('delete' in write) {
      await target.deleteOne({ _id: write.delete, [POSITION]: { $lt: position } });
      return;
    }
    const { _id } = write.document;
    for (let attempt = 0; ; attempt++) {
      let duplicate: MongoServerError;
      try {
        await target.replaceOne(
          { _id, [POSITION]: { $lt: position } },
          { ...write.document, [POSITION]: position },
          { upsert: true },
        );
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        duplicate = error as MongoServerError;
      }
      // MongoDB names the index: another unique index than _id's is a real conflict. (FerretDB names none.)
      const keyPattern = duplicate.keyPattern as Record<string, unknown> | undefined;
      if (keyPattern && !('_id' in keyPattern)) throw duplicate;
      // The document exists now: at this position or later (done), or older, inserted by a concurrent writer
      // between this update's read and its insert (FerretDB's updates are not atomic): try again.
      const existing = await target.findOne({ _id }, { projection: { [POSITION]: 1 } });
      if (existing && String(existing[POSITION]) >= position) return;
      if (attempt >= RACE_RETRIES)
        throw new Error(
          `Could not write ${target.collectionName}/${_id} at ${write.position}: duplicate key on a unique index ` +
            `(${duplicate.message})`,
          { cause: duplicate },
        );
    }
  }

  private currentLease(name: string): Promise<LeaseRecord | null> {
    return this.db.collection<LeaseRecord>(LEASES).findOne({ name }, { sort: { generation: -1 } });
  }

  /** Inserts the generation after `current`; false when another instance inserted it first. */
  private async nextLease(
    name: string,
    current: LeaseRecord | null,
    holder: string | null,
    expiresAt: Date,
  ): Promise<boolean> {
    await this.prepare();
    const leases = this.db.collection<LeaseRecord>(LEASES);
    const generation = (current?.generation ?? 0) + 1;
    try {
      await leases.insertOne({ _id: leaseId(name, generation), name, generation, holder, expiresAt });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    // Older generations are removed only after a newer one exists, so the newest is always there. A generation
    // inserted from a stale read (its successor already came and went) sees a newer one and withdraws.
    if (await leases.findOne({ name, generation: { $gt: generation } })) {
      await leases.deleteOne({ _id: leaseId(name, generation) });
      return false;
    }
    await leases.deleteMany({ name, generation: { $lt: generation } });
    return true;
  }
}

function operationOf(write: DocumentWrite): AnyBulkWriteOperation<Doc> {
  const position = storedPosition(write.position);
  if ('delete' in write)
    return { deleteOne: { filter: { _id: write.delete, [POSITION]: { $lt: position } } } };
  const { _id } = write.document;
  return {
    replaceOne: {
      filter: { _id, [POSITION]: { $lt: position } },
      replacement: { ...write.document, [POSITION]: position },
      upsert: true,
    },
  };
}

function isOnlyDuplicateKeys(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return errors.length > 0 && errors.every((writeError) => writeError.code === 11000);
  }
  return isDuplicateKey(error);
}

/** A batch as one JSON text, its positions as decimal strings: stored in one document, so recorded atomically. */
function serializeBatch({ writes, changes, checkpoint }: ProjectionCommit): string {
  return JSON.stringify({
    writes: writes.map((write) => ({ ...write, position: write.position.toString() })),
    changes: changes.map((change) => ({ ...change, position: change.position.toString() })),
    checkpoint: { ...checkpoint, position: checkpoint.position.toString() },
  });
}

function deserializeBatch(text: string): ProjectionCommit {
  const stored = JSON.parse(text);
  return {
    writes: stored.writes.map((write: DocumentWrite) => ({ ...write, position: BigInt(write.position) })),
    changes: stored.changes.map((change: ChangeEntry) => ({ ...change, position: BigInt(change.position) })),
    checkpoint: { ...stored.checkpoint, position: BigInt(stored.checkpoint.position) },
  };
}
