import {
  AnyBulkWriteOperation,
  ClientSession,
  Collection,
  Db,
  MongoBulkWriteError,
  MongoServerError,
} from 'mongodb';
import { ChangeEntry, Doc, DocumentWrite, ProjectionCommit } from '../document-store/document-store.port';
import { storedPosition } from '../document-store/positions';

/** The field each stored document carries: the stored text of the position that wrote this version. */
export const POSITION = '_position';
export const CHECKPOINTS = '_checkpoints';
export const CHANGES = '_changes';
/** How often a write that lost an insert race is tried again (each retry sees the winner's version). */
const RACE_RETRIES = 5;

export interface ChangeRecord {
  _id: string;
  position: string;
  topic: string;
  eventType: string;
  /** JSON text: payloads are only read back, and MongoDB 7 (but not FerretDB 1.x) stores keys like "62.06". */
  payloads: string;
}

export const isDuplicateKey = (error: unknown): boolean =>
  error instanceof MongoServerError && error.code === 11000;

function isOnlyDuplicateKeys(error: unknown): boolean {
  if (error instanceof MongoBulkWriteError) {
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    return errors.length > 0 && errors.every((writeError) => writeError.code === 11000);
  }
  return isDuplicateKey(error);
}

/** Per collection, the newest write of each document (the last one at a tie): two writes of one never race. */
function newestWrites(batch: ProjectionCommit): Map<string, DocumentWrite[]> {
  const byCollection = new Map<string, Map<string, DocumentWrite>>();
  for (const write of batch.writes) {
    const id = 'document' in write ? write.document._id : write.delete;
    const writes = byCollection.get(write.collection) ?? new Map<string, DocumentWrite>();
    byCollection.set(write.collection, writes);
    const earlier = writes.get(id);
    if (!earlier || write.position >= earlier.position) writes.set(id, write);
  }
  return new Map([...byCollection].map(([name, writes]) => [name, [...writes.values()]]));
}

const changeRecord = (change: ChangeEntry): ChangeRecord => ({
  _id: `${storedPosition(change.position)}|${change.topic}`,
  position: storedPosition(change.position),
  topic: change.topic,
  eventType: change.eventType,
  payloads: JSON.stringify(change.payloads),
});

/**
 * Writes a batch without a transaction, every write guarded so that writing it twice is harmless: documents by
 * their position, change-log entries by their _id, the checkpoint only forward (and last).
 */
export async function writeGuarded(db: Db, batch: ProjectionCommit): Promise<void> {
  await Promise.all(
    [...newestWrites(batch)].map(([name, writes]) => writeDocuments(db.collection<Doc>(name), writes)),
  );
  if (batch.changes.length > 0) {
    // A replayed batch finds its entries already there.
    await db
      .collection<ChangeRecord>(CHANGES)
      .insertMany(batch.changes.map(changeRecord), { ordered: false })
      .catch((error: unknown) => {
        if (!isOnlyDuplicateKeys(error)) throw error;
      });
  }
  const { name, position } = batch.checkpoint;
  const stored = storedPosition(position);
  await db
    .collection<{ _id: string; position: string }>(CHECKPOINTS)
    .replaceOne({ _id: name, position: { $lt: stored } }, { position: stored }, { upsert: true })
    .catch((error: unknown) => {
      if (!isOnlyDuplicateKeys(error)) throw error;
    });
}

/**
 * Writes a batch inside a multi-document transaction (a replica set): one write error would abort it, so nothing
 * relies on duplicate keys here. The stored positions are read first and only newer versions written.
 */
export async function writeInTransaction(
  db: Db,
  batch: ProjectionCommit,
  session: ClientSession,
): Promise<void> {
  for (const [name, writes] of newestWrites(batch)) {
    const target = db.collection<Doc>(name);
    const ids = writes.map((write) => ('document' in write ? write.document._id : write.delete));
    const stored = new Map(
      (await target.find({ _id: { $in: ids } }, { projection: { [POSITION]: 1 }, session }).toArray()).map(
        (doc) => [doc._id, String(doc[POSITION])],
      ),
    );
    const newer = writes.filter((write) => {
      const id = 'document' in write ? write.document._id : write.delete;
      const current = stored.get(id);
      return current === undefined ? 'document' in write : current < storedPosition(write.position);
    });
    if (newer.length > 0) await target.bulkWrite(newer.map(unguardedOperation), { session });
  }
  if (batch.changes.length > 0) {
    await db.collection<ChangeRecord>(CHANGES).bulkWrite(
      batch.changes.map(changeRecord).map((record) => ({
        updateOne: { filter: { _id: record._id }, update: { $setOnInsert: record }, upsert: true },
      })),
      { session },
    );
  }
  const checkpoints = db.collection<{ _id: string; position: string }>(CHECKPOINTS);
  const { name, position } = batch.checkpoint;
  const current = await checkpoints.findOne({ _id: name }, { session });
  if (!current || current.position < storedPosition(position))
    await checkpoints.replaceOne(
      { _id: name },
      { position: storedPosition(position) },
      { upsert: true, session },
    );
}

function unguardedOperation(write: DocumentWrite): AnyBulkWriteOperation<Doc> {
  const position = storedPosition(write.position);
  if ('delete' in write) return { deleteOne: { filter: { _id: write.delete } } };
  const { _id } = write.document;
  return {
    replaceOne: { filter: { _id }, replacement: { ...write.document, [POSITION]: position }, upsert: true },
  };
}

function guardedOperation(write: DocumentWrite): AnyBulkWriteOperation<Doc> {
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

/**
 * Guarded replaces and deletes: a document already at this position or later does not match the filter, so the
 * upsert tries to insert it again and fails on its _id (11000), which means "newer or equal version kept".
 */
async function writeDocuments(target: Collection<Doc>, writes: readonly DocumentWrite[]): Promise<void> {
  try {
    await target.bulkWrite(writes.map(guardedOperation), { ordered: false });
    return;
  } catch (error) {
    if (!isOnlyDuplicateKeys(error)) throw error;
  }
  // FerretDB 1.x stops an update command at its first error, even when unordered (FerretDB#2612), and may name
  // the wrong index: every write is applied again on its own. Repeating the applied ones is harmless (guarded).
  await Promise.all(writes.map((write) => writeOne(target, write)));
}

async function writeOne(target: Collection<Doc>, write: DocumentWrite): Promise<void> {
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
