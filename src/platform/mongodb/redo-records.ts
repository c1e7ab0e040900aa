import { Binary, Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { ChangeEntry, DocumentWrite, ProjectionCommit } from '../document-store/document-store.port';

/** One record per checkpoint: the batch being committed, whole, or the list of its parts. */
const RECORDS = '_pending_commits';
const PARTS = '_pending_commit_parts';
/** Half of MongoDB's 16 MiB document limit: a part and its few fields always fit. */
export const REDO_PART_BYTES = 8 * 1024 * 1024;

interface RedoRecord {
  _id: string;
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

/**
 * The redo log that makes a batch all-or-nothing on a server without transactions (FerretDB 1.x): the batch is
 * recorded before its writes start and removed after they end, so a crash midway leaves it to be finished. A
 * batch larger than one part is recorded as parts first and then a record naming them: the record's insert is the
 * one atomic step, so a crash while parts are written leaves only parts, which are cleaned up.
 */
export class RedoRecords {
  constructor(private readonly db: Db) {}

  /** Records the batch; returns into how many parts (1: the record holds it whole). */
  async record(batch: ProjectionCommit): Promise<number> {
    const name = batch.checkpoint.name;
    const json = Buffer.from(serializeBatch(batch), 'utf8');
    const records = this.db.collection<RedoRecord>(RECORDS);
    if (json.length <= REDO_PART_BYTES) {
      await records.replaceOne({ _id: name }, { bytes: new Binary(json) }, { upsert: true });
      return 1;
    }
    const batchId = randomUUID();
    const parts = Math.ceil(json.length / REDO_PART_BYTES);
    // One part per command: together they would exceed the server's 48 MB message limit.
    for (let part = 0; part < parts; part++) {
      const bytes = new Binary(json.subarray(part * REDO_PART_BYTES, (part + 1) * REDO_PART_BYTES));
      await this.db
        .collection<RedoPart>(PARTS)
        .insertOne({ _id: `${name}|${batchId}|${part}`, checkpoint: name, batchId, part, bytes });
    }
    await records.replaceOne({ _id: name }, { batchId, parts }, { upsert: true });
    return parts;
  }

  /** The batch a crash left unfinished for this checkpoint, if any; stray parts of an unrecorded one are removed. */
  async pending(name: string): Promise<{ batch: ProjectionCommit; parts: number } | undefined> {
    const record = await this.db.collection<RedoRecord>(RECORDS).findOne({ _id: name });
    if (!record) {
      await this.db.collection<RedoPart>(PARTS).deleteMany({ checkpoint: name });
      return undefined;
    }
    if (record.batch !== undefined) return { batch: deserializeBatch(record.batch), parts: 1 };
    if (record.bytes) return { batch: deserializeBatch(textOf([record.bytes])), parts: 1 };
    const parts = await this.db
      .collection<RedoPart>(PARTS)
      .find({ checkpoint: name, batchId: record.batchId })
      .sort({ part: 1 })
      .toArray();
    if (parts.length !== record.parts)
      throw new Error(`The redo record of ${name} names ${record.parts} parts, ${parts.length} are stored`);
    return { batch: deserializeBatch(textOf(parts.map((p) => p.bytes))), parts: parts.length };
  }

  /** Removes the record once its batch is written (or failed for good), then the parts it named. */
  async clear(name: string, parts: number): Promise<void> {
    await this.db.collection<RedoRecord>(RECORDS).deleteOne({ _id: name });
    if (parts > 1) await this.db.collection<RedoPart>(PARTS).deleteMany({ checkpoint: name });
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
