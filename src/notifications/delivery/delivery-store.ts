import { DocumentStore, DocumentWrite, IndexSpec } from '../../platform/document-store/document-store.port';
import { NotificationChannel } from '../domain/preferences';
import { personKey } from '../read-models/notification.document';
import { DELIVERIES, DELIVERY_CURSOR, DeliveryRecord } from './delivery-record';

/** The checkpoint erasure's deletions commit with: never the worker's cursor, which only the worker moves. */
const ERASURE_CHECKPOINT = 'notification-delivery-erasure';
/** Erasure's deletions carry a position beyond every version, so a sender's update landing meanwhile cannot keep one. */
const ERASURE_WINS = BigInt(Number.MAX_SAFE_INTEGER);

const write = (record: DeliveryRecord): DocumentWrite => ({
  collection: DELIVERIES,
  position: BigInt(record.version),
  document: record,
});

/** The worker's page of due messages, the digest count per person and channel, and the backlog. */
const INDEXES: readonly IndexSpec[] = [
  { fields: { status: 1, dueAt: 1, _id: 1 } },
  { fields: { personKey: 1, channel: 1, createdAt: 1 } },
];

/** The delivery outbox in the document store: records, and the worker's cursor over the change log. */
export class DeliveryStore {
  private indexed?: Promise<void>;

  constructor(private readonly documents: DocumentStore) {}

  cursor(): Promise<bigint | undefined> {
    return this.documents.checkpoint(DELIVERY_CURSOR);
  }

  /** Records (new or changed) and, with them, how far the change log was read: one commit. */
  async save(records: readonly DeliveryRecord[], cursor: bigint | undefined): Promise<void> {
    if (records.length === 0 && cursor === undefined) return;
    const checkpoint = cursor ?? (await this.cursor()) ?? 0n;
    await this.documents.commit({
      writes: records.map(write),
      changes: [],
      checkpoint: { name: DELIVERY_CURSOR, position: checkpoint },
    });
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const found = await this.documents.find<DeliveryRecord>(DELIVERIES, { _id: { $in: [...ids] } });
    return new Set(found.map((record) => record._id));
  }

  /** Pending messages whose time has come, the longest waiting first. */
  async due(now: Date, limit: number): Promise<DeliveryRecord[]> {
    await this.indexes();
    return this.documents.find<DeliveryRecord>(
      DELIVERIES,
      { status: 'pending', dueAt: { $lte: now.toISOString() } },
      { sort: { dueAt: 1, _id: 1 }, limit },
    );
  }

  /** Messages recorded for a person on a channel since an instant (what the digest threshold counts). */
  async recent(personKey: string, channel: NotificationChannel, since: Date): Promise<number> {
    await this.indexes();
    return this.documents.count(DELIVERIES, {
      personKey,
      channel,
      kind: { $ne: 'digest' },
      createdAt: { $gt: since.toISOString() },
    });
  }

  /** Messages waiting to be sent, due or not (the outbox backlog a metric shows). */
  async backlog(): Promise<number> {
    await this.indexes();
    return this.documents.count(DELIVERIES, { status: 'pending' });
  }

  /** Erasure: every record of the person goes (their messages' subjects and texts with them). */
  forget(personId: string): Promise<number> {
    return this.forgetKey(personKey(personId));
  }

  /** The same by the person's key, which is all a delivery record holds of them. */
  async forgetKey(key: string): Promise<number> {
    const records = await this.documents.find<DeliveryRecord>(
      DELIVERIES,
      { personKey: key },
      { projection: { _id: 1 } },
    );
    if (records.length === 0) return 0;
    await this.documents.commit({
      writes: records.map(({ _id }): DocumentWrite => ({
        collection: DELIVERIES,
        position: ERASURE_WINS,
        delete: _id,
      })),
      changes: [],
      checkpoint: { name: ERASURE_CHECKPOINT, position: 0n },
    });
    return records.length;
  }

  private indexes(): Promise<void> {
    this.indexed ??= this.documents.ensureIndexes(DELIVERIES, INDEXES).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    return this.indexed;
  }
}
