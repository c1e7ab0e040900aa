import { Collection, Db, Document, MongoServerError } from 'mongodb';
import {
  CHANGES,
  CHECKPOINTS,
  ChangeRecord,
  writeGuarded,
  writeInTransaction,
} from '../mongodb/batch-writes';
import { databaseFromUrl, majorityDatabase, supportsTransactions } from '../mongodb/mongo-database';
import { MongoLeases } from '../mongodb/mongo-leases';
import {
  assertCollectionName,
  assertStorableKeys,
  indexIdentity,
  storedProjection,
  withoutPosition,
} from '../mongodb/stored-documents';
import { RedoRecords } from '../mongodb/redo-records';
import { shareMongoClient, SharedMongoClient } from '../mongodb/shared-client';
import {
  ChangeEntry,
  Doc,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  ProjectionCommit,
  RedactPayloads,
} from './document-store.port';
import { Listeners } from './listeners';
import { positionFromStored, storedPosition } from './positions';

export { databaseFromUrl };
export { isDuplicateKey } from '../mongodb/batch-writes';

const ALIASES = '_aliases';
/** How a batch is made all-or-nothing: a multi-document transaction, or a redo record (no transactions). */
export type BatchMode = 'transaction' | 'redo-record';

export interface MongoDocumentStoreOptions {
  /** The database; by default the one the URL names. */
  readonly database?: string;
  /** `auto` asks the server at start-up (a replica set has transactions); `redo-record` never uses them. */
  readonly batches?: 'auto' | 'redo-record';
}

/**
 * The document store on MongoDB. Every write waits for a majority and every read sees only majority-committed data
 * (a failover never takes back what was read or pushed live). A batch commits in one multi-document transaction
 * where the server has them (a replica set, detected at start-up). FerretDB 1.x has none: there a batch is first
 * recorded whole (a redo record, split into parts beyond 8 MiB), then its documents, change-log entries and
 * checkpoint are written, each guarded so that writing them twice is harmless, then the record is removed. A
 * runner that takes over first recovers: it finishes an interrupted batch, so a crash midway can neither lose part
 * of a batch nor let a projection re-apply it to newer documents.
 */
export class MongoDocumentStore implements DocumentStore {
  private readonly shared: SharedMongoClient;
  private readonly db: Db;
  private readonly leases: MongoLeases;
  private readonly redo: RedoRecords;
  private ready?: Promise<BatchMode>;
  private readonly commits = new Listeners();

  constructor(
    url: string,
    private readonly options: MongoDocumentStoreOptions = {},
  ) {
    this.shared = shareMongoClient(url);
    this.db = majorityDatabase(this.shared.client, options.database ?? databaseFromUrl(url));
    this.leases = new MongoLeases(this.db);
    this.redo = new RedoRecords(this.db);
  }

  /** How this store makes a batch all-or-nothing on its server (asked once). */
  batchMode(): Promise<BatchMode> {
    return this.prepare();
  }

  async find<T extends Doc>(
    collection: string,
    filter: Filter = {},
    options: FindOptions = {},
  ): Promise<T[]> {
    let cursor = this.collection(collection).find(filter);
    if (options.projection) cursor = cursor.project(storedProjection(options.projection));
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
    await this.commitBatch(batch);
    this.commits.notify();
  }

  onCommit(listener: () => void): () => void {
    return this.commits.add(listener);
  }

  private async commitBatch(batch: ProjectionCommit): Promise<void> {
    const mode = await this.prepare();
    this.validate(batch);
    if (mode === 'transaction') return this.commitInTransaction(batch);
    const redo = await this.redo.record(batch);
    try {
      await this.applyBatch(batch);
    } finally {
      // A batch that failed (rather than died with the process) is not finished later: it fails again, loudly.
      await this.redo.clear(redo);
    }
  }

  /** Finishes a batch a crash interrupted (idempotent: every write in it is guarded). */
  async recover(name: string): Promise<void> {
    await this.prepare();
    for (const { batch, handle } of await this.redo.pending(name)) {
      await this.applyBatch(batch);
      await this.redo.clear(handle);
    }
  }

  private validate(batch: ProjectionCommit): void {
    for (const write of batch.writes) {
      assertCollectionName(write.collection);
      if ('document' in write)
        assertStorableKeys(write.document, `Document ${write.collection}/${write.document._id}`);
    }
  }

  /** The redo-record path's writes, each guarded (a crash test stops it midway). */
  protected async applyBatch(batch: ProjectionCommit): Promise<void> {
    await writeGuarded(this.db, batch);
  }

  private async commitInTransaction(batch: ProjectionCommit): Promise<void> {
    const session = this.shared.client.startSession();
    try {
      await session.withTransaction((inside) => writeInTransaction(this.db, batch, inside), {
        readConcern: { level: 'snapshot' },
        writeConcern: { w: 'majority', journal: true },
      });
    } finally {
      await session.endSession();
    }
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

  /**
   * Idempotent: the indexes that already exist (same keys, same uniqueness) are left alone and the others are made
   * in one command, so a runner that resubscribes pays one round trip. Never a createIndexes naming an index that
   * exists: FerretDB 1.x panics on one naming two or more (FerretDB#3858).
   */
  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    if (indexes.length === 0) return;
    const target = this.collection(collection);
    const existing = await target
      .listIndexes()
      .toArray()
      .catch((error: unknown) => {
        if (error instanceof MongoServerError && error.code === 26) return []; // NamespaceNotFound
        throw error;
      });
    const declared = new Set(existing.map((index) => indexIdentity(index.key, index.unique === true)));
    const missing = indexes.filter((index) => !declared.has(indexIdentity(index.fields, !!index.unique)));
    if (missing.length === 0) return;
    await target.createIndexes(
      missing.map((index) => ({ key: { ...index.fields }, ...(index.unique && { unique: true }) })),
    );
  }

  async dropCollection(collection: string): Promise<void> {
    try {
      await this.collection(collection).drop();
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 26)) throw error; // NamespaceNotFound
    }
  }

  acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    now?: Date,
    abandoned: (holder: string) => boolean = () => false,
  ): Promise<boolean> {
    return this.leases.acquire(name, holder, ttlMs, now, abandoned);
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.leases.release(name, holder);
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
    return this.shared.release();
  }

  private collection(name: string): Collection<Doc> {
    assertCollectionName(name);
    return this.db.collection<Doc>(name);
  }

  /**
   * Asks the server once whether it has transactions, and declares the store's own indexes: the change log by
   * position (the tailer) and by topic (a resuming client's backlog).
   */
  private prepare(): Promise<BatchMode> {
    this.ready ??= Promise.all([
      this.options.batches === 'redo-record' ? false : supportsTransactions(this.db),
      this.db.collection(CHANGES).createIndex({ position: 1, topic: 1 }),
      this.db.collection(CHANGES).createIndex({ topic: 1, position: 1 }),
    ]).then(
      ([transactions]): BatchMode => (transactions ? 'transaction' : 'redo-record'),
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }
}
