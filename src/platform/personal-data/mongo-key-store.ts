import { Binary, Db, MongoServerError } from 'mongodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataKey, KeyStore, SubjectErasedError } from './key-store.port';
import { StartupRefusal } from '../data-dir';
import { databaseFromUrl, majorityDatabase } from '../mongodb/mongo-database';
import { shareMongoClient, SharedMongoClient } from '../mongodb/shared-client';
import { subjectDigest } from './subject-digest';

const KEYS = '_data_keys';
/** Tombstones by subject id in plain text, as written before they were digests: digested once at start. */
const OLDER_ERASED = '_erased_subjects';
/** A tombstone per erased subject, named by its digest. */
const ERASED = '_erased_subject_digests';
const ERASED_KEYS = '_erased_keys';
const COLLECTIONS = [KEYS, ERASED_KEYS, ERASED, OLDER_ERASED];

interface KeyRecord {
  _id: string;
  subject: string;
  key: Binary;
  createdAt: Date;
}

interface ErasedRecord {
  _id: string;
  erasedAt: Date;
}

const isDuplicateKey = (error: unknown): boolean => error instanceof MongoServerError && error.code === 11000;

const holdsNoKeys = async (db: Db): Promise<boolean> => {
  const counts = await Promise.all(
    COLLECTIONS.map((name) => db.collection(name).countDocuments({}, { limit: 1 })),
  );
  return counts.every((count) => count === 0);
};

/** A copy of exactly the key's bytes, as a Buffer like every other adapter returns. */
const bytes = (binary: Binary): Buffer => Buffer.from(binary.read(0, binary.length()));

const dataKey = (record: KeyRecord): DataKey => ({ id: record._id, key: bytes(record.key) });

export interface MongoKeyStoreOptions {
  /** The database; by default the one the URL names. */
  readonly database?: string;
  /** Where keys were kept before they had a database of their own (the read models'): refused if found there. */
  readonly formerDatabase?: string;
}

/** Keys left in the read models' database after an upgrade: never guessed at, the operator moves them. */
export class KeysInFormerDatabaseError extends StartupRefusal {
  constructor(database: string, former: string) {
    super(
      `The key store database "${database}" is empty but "${former}" holds data keys (kept there before keys had ` +
        `a database of their own): move them (docs/operations.md, "Upgrading") or set KEYS_MONGO_URL to that database`,
    );
    this.name = 'KeysInFormerDatabaseError';
  }
}

/**
 * Data keys in MongoDB: one document per subject (a unique index on `subject`), and a tombstone per erased subject
 * so that no new key is ever made for them. They live in a database of their own, which backups of the read models
 * do not carry. Every write waits for a majority: a key lost in a failover would make its person's data unreadable,
 * and an erasure taken back would bring them back.
 */
export class MongoKeyStore implements KeyStore {
  private readonly shared: SharedMongoClient;
  private readonly db: Db;
  private ready?: Promise<void>;

  constructor(
    url: string,
    private readonly options: MongoKeyStoreOptions = {},
  ) {
    this.shared = shareMongoClient(url);
    this.db = majorityDatabase(this.shared.client, options.database ?? databaseFromUrl(url));
  }

  async keyFor(subject: string): Promise<DataKey> {
    await this.prepare();
    const keys = this.db.collection<KeyRecord>(KEYS);
    const existing = await keys.findOne({ subject });
    if (existing) return dataKey(existing);
    if (await this.isErased(subject)) throw new SubjectErasedError(subject);

    const record: KeyRecord = {
      _id: randomUUID(),
      subject,
      key: new Binary(randomBytes(32)),
      createdAt: new Date(),
    };
    try {
      await keys.insertOne(record);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Another caller created this subject's key first: the unique index on subject kept only theirs.
      const winner = await keys.findOne({ subject });
      if (winner) return dataKey(winner);
      if (await this.isErased(subject)) throw new SubjectErasedError(subject);
      return this.keyFor(subject);
    }
    // erase() writes its tombstone before it deletes: a key inserted while it ran is removed here.
    if (await this.isErased(subject)) {
      await keys.deleteOne({ _id: record._id });
      throw new SubjectErasedError(subject);
    }
    return dataKey(record);
  }

  async keysById(ids: readonly string[]): Promise<Map<string, Buffer | null>> {
    if (ids.length === 0) return new Map();
    const [records, tombstones] = await Promise.all([
      this.db
        .collection<KeyRecord>(KEYS)
        .find({ _id: { $in: [...ids] } })
        .toArray(),
      this.db
        .collection<ErasedRecord>(ERASED_KEYS)
        .find({ _id: { $in: [...ids] } })
        .toArray(),
    ]);
    return new Map<string, Buffer | null>([
      ...tombstones.map((t) => [t._id, null] as const),
      ...records.map((record) => [record._id, bytes(record.key)] as const),
    ]);
  }

  async isEmpty(): Promise<boolean> {
    const empty = await holdsNoKeys(this.db);
    const former = this.options.formerDatabase;
    if (empty && former && former !== this.db.databaseName) {
      if (!(await holdsNoKeys(this.shared.client.db(former))))
        throw new KeysInFormerDatabaseError(this.db.databaseName, former);
    }
    return empty;
  }

  async erase(subject: string): Promise<boolean> {
    await this.prepare();
    try {
      await this.db
        .collection<ErasedRecord>(ERASED)
        .insertOne({ _id: subjectDigest(subject), erasedAt: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const keys = this.db.collection<KeyRecord>(KEYS);
    // A tombstone per key id before the key goes: a key that is absent without one reads as lost, not erased.
    const doomed = await keys.find({ subject }, { projection: { _id: 1 } }).toArray();
    if (doomed.length > 0) {
      await this.db.collection<ErasedRecord>(ERASED_KEYS).bulkWrite(
        doomed.map(({ _id }) => ({
          updateOne: { filter: { _id }, update: { $setOnInsert: { erasedAt: new Date() } }, upsert: true },
        })),
      );
    }
    // Overwritten before deletion, so the storage engine's freed pages do not keep the key (best effort: the
    // server's journal and backups are the operator's to rotate).
    await keys.updateMany({ subject }, { $set: { key: new Binary(Buffer.alloc(32)) } });
    const { deletedCount } = await keys.deleteMany({ subject });
    return deletedCount > 0;
  }

  close(): Promise<void> {
    return this.shared.release();
  }

  private async digestOlderTombstones(): Promise<void> {
    const older = this.db.collection<ErasedRecord>(OLDER_ERASED);
    for await (const { _id, erasedAt } of older.find()) {
      await this.db
        .collection<ErasedRecord>(ERASED)
        .updateOne({ _id: subjectDigest(_id) }, { $setOnInsert: { erasedAt } }, { upsert: true });
      await older.deleteOne({ _id });
    }
  }

  private async isErased(subject: string): Promise<boolean> {
    const digest = subjectDigest(subject);
    return (await this.db.collection<ErasedRecord>(ERASED).findOne({ _id: digest })) !== null;
  }

  /** The unique index on subject must exist before the first key is inserted: it is what keeps one key per person. */
  private prepare(): Promise<void> {
    this.ready ??= Promise.all([
      this.db.collection<KeyRecord>(KEYS).createIndex({ subject: 1 }, { unique: true }),
      this.digestOlderTombstones(),
    ]).then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }
}
