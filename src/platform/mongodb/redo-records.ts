import { Binary, Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { ChangeEntry, DocumentWrite, ProjectionCommit } from '../document-store/document-store.port';

/** One record per batch being committed: the batch whole, or the list of its parts. */
const RECORDS = '_pending_commits';
const PARTS = '_pending_commit_parts';
/** Half of MongoDB's 16 MiB document limit: a part and its few fields always fit. */
export const REDO_PART_BYTES = 8 * 1024 * 1024;

interface RedoRecord {
  /** `checkpoint|batchId`: batches committed at once under one checkpoint (erasures) each have their own. */
  _id: string;
  /** Absent from records written when there was one record per checkpoint, whose `_id` was its name. */
  checkpoint?: string;
  batchId?: string;
  parts?: number;
  /** The batch as UTF-8 JSON, when it fits in one part. */
  bytes?: Binary;
  /** The batch as JSON text, as records were written before batches were split into parts. */
  batch?: string;
}

interface RedoPart {
  _id: string;
  checkpoint: string;
  batchId: string;
  part: number;
  bytes: Binary;
}

/** What `clear` removes once a batch's writes have ended. */
export interface RedoHandle {
  readonly id: string;
  readonly batchId?: string;
  readonly parts: number;
}

/**
 * The redo log that makes a batch all-or-nothing on a server without transactions (FerretDB 1.x): the batch is
 * recorded before its writes start and removed after they end, so a crash midway leaves it to be finished. A
 * batch larger than one part is recorded as parts first and then a record naming them: the record's insert is the
 * one atomic step, so a crash while parts are written leaves only parts, which are cleaned up.
 */
export class RedoRecords {
  constructor(private readonly db: Db) {}

  /** Records the batch under an id of its own, so a batch committed at the same time never replaces it. */
  async record(batch: ProjectionCommit): Promise<RedoHandle> {
    const checkpoint = batch.checkpoint.name;
    const batchId = randomUUID();
    const id = `${checkpoint}|${batchId}`;
    const json = Buffer.from(serializeBatch(batch), 'utf8');
    const records = this.db.collection<RedoRecord>(RECORDS);
    if (json.length <= REDO_PART_BYTES) {
      await records.insertOne({ _id: id, checkpoint, batchId, bytes: new Binary(json) });
      return { id, parts: 1 };
    }
    const parts = Math.ceil(json.length / REDO_PART_BYTES);
    // One part per command: together they would exceed the server's 48 MB message limit.
    for (let part = 0; part < parts; part++) {
      const bytes = new Binary(json.subarray(part * REDO_PART_BYTES, (part + 1) * REDO_PART_BYTES));
      await this.db
        .collection<RedoPart>(PARTS)
        .insertOne({ _id: `${checkpoint}|${batchId}|${part}`, checkpoint, batchId, part, bytes });
    }
    await records.insertOne({ _id: id, checkpoint, batchId, parts });
    return { id, batchId, parts };
  }

  /**
   * The batches a crash left unfinished under this checkpoint; stray parts of unrecorded ones are removed. Only the
   * checkpoint's one writer (its lease holder) calls it, so no batch of its is being recorded meanwhile.
   */
  async pending(name: string): Promise<Array<{ batch: ProjectionCommit; handle: RedoHandle }>> {
    const records = await this.db
      .collection<RedoRecord>(RECORDS)
      .find({ $or: [{ _id: name }, { checkpoint: name }] })
      .toArray();
    const named = records.flatMap((record) => (record.batchId ? [record.batchId] : []));
    await this.db.collection<RedoPart>(PARTS).deleteMany({ checkpoint: name, batchId: { $nin: named } });
    const pending = [];
    for (const record of records) pending.push(await this.unfinished(name, record));
    return pending;
  }

  /** Removes the record once its batch is written (or failed for good), then the parts it named. */
  async clear({ id, batchId, parts }: RedoHandle): Promise<void> {
    await this.db.collection<RedoRecord>(RECORDS).deleteOne({ _id: id });
    if (parts > 1) await this.db.collection<RedoPart>(PARTS).deleteMany({ batchId });
  }

  private async unfinished(name: string, record: RedoRecord) {
    const handle: RedoHandle = { id: record._id, batchId: record.batchId, parts: record.parts ?? 1 };
    if (record.batch !== undefined) return { batch: deserializeBatch(record.batch), handle };
    if (record.bytes) return { batch: deserializeBatch(textOf([record.bytes])), handle };
    const parts = await this.db
      .collection<RedoPart>(PARTS)
      .find({ checkpoint: name, batchId: record.batchId })
      .sort({ part: 1 })
      .toArray();
    if (parts.length !== record.parts)
      throw new Error(`The redo record of ${name} names ${record.parts} parts, ${parts.length} are stored`);
    return { batch: deserializeBatch(textOf(parts.map((p) => p.bytes))), handle };
  }
}

const textOf = (binaries: readonly Binary[]): string =>
  Buffer.concat(binaries.map((binary) => binary.read(0, binary.length()))).toString('utf8');

/** A batch as one JSON text, its positions as decimal strings. */
export function serializeBatch({ writes, changes, checkpoint }: ProjectionCommit): string {
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
