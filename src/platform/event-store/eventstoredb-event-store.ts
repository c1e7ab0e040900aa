import {
  AllStreamSubscription,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
} from '@eventstore/db-client';
import { AppendSignal, catchUpSubscription } from './catch-up-subscription';
import { chainEvent } from './event-hash';
import { UnchainedAppendError, WrongExpectedRevisionError } from './event-store.errors';
import {
  BatchHandler,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './event-store.port';
import { LogPosition, fromGlobalPosition, isLogPosition, toGlobalPosition } from './eventstoredb-position';
import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StoredFields } from './stored-event';

/** $all is read in pages; system events count against a page, so pages stay larger than typical batches. */
const READ_PAGE = 500;
/** A waiting subscription reads again after this long with no live notification (lost wake-up, reconnect). */
const POLL_MS = 250;
/** EventStoreDB ids are UUIDs, read back in lowercase: any other id would not read back as it was hashed. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The envelope fields EventStoreDB has no place for; id, stream, revision, type and data are its own. */
type EnvelopeMetadata = {
  readonly metadata: StoredFields;
  readonly schemaVersion: number;
  readonly previousHash: string | null;
  readonly hash: string;
  readonly keyIds: readonly string[];
};

/** The fields of the client's recorded event that this adapter reads. */
interface EsdbRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position?: LogPosition;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

function envelopeMetadata(record: EsdbRecord): EnvelopeMetadata {
  const m = record.metadata;
  const valid =
    record.isJson &&
    isObject(record.data) &&
    isObject(m) &&
    isObject(m.metadata) &&
    typeof m.schemaVersion === 'number' &&
    (m.previousHash === null || typeof m.previousHash === 'string') &&
    typeof m.hash === 'string' &&
    Array.isArray(m.keyIds);
  // Loud rather than skipped: a foreign event in our database is a misconfiguration an auditor must see.
  if (!valid) throw new Error(`Event ${record.id} in ${record.streamId} is not a Suara Warga event envelope`);
  return m as EnvelopeMetadata;
}

function toRecorded(record: EsdbRecord): RecordedEvent {
  const m = envelopeMetadata(record);
  if (!isLogPosition(record.position))
    throw new Error(
      `Event ${record.id} came without its $all position: EventStoreDB 22.6 or later is required`,
    );
  return {
    position: toGlobalPosition(record.position),
    id: record.id,
    stream: record.streamId,
    revision: Number(record.revision),
    type: record.type,
    schemaVersion: m.schemaVersion,
    data: record.data as StoredFields,
    metadata: m.metadata,
    previousHash: m.previousHash,
    hash: m.hash,
    keyIds: m.keyIds,
    recordedAt: record.created.toISOString(),
  };
}

/** Ours: not a link, not in a system stream ($…, $$…), not a system event type. */
const isOurs = (record: EsdbRecord) => !record.streamId.startsWith('$') && !record.type.startsWith('$');

/**
 * Event store on EventStoreDB 22.6+ ($all reads need admin rights: credentials in the URL, or --insecure).
 * Each event keeps its envelope: data as the event's data, the other hashed fields in its metadata.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  /** Tail of each stream's queue of appends from this process. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly appends = new AppendSignal(POLL_MS);
  private notifier: AllStreamSubscription | undefined;
  private closed = false;

  constructor(readonly url: string) {
    this.client = EventStoreDBClient.connectionString(url);
  }

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (expected === 'any') return Promise.reject(new UnchainedAppendError(stream));
    if (events.length === 0) return Promise.reject(new Error(`Nothing to append to ${stream}`));
    const badId = events.find((e) => !UUID.test(e.id));
    if (badId) return Promise.reject(new Error(`Event id ${badId.id} is not a lowercase UUID`));
    // Appends to one stream from this process take turns, so concurrent callers chain on, as on SQLite.
    const result = (this.tails.get(stream) ?? Promise.resolve()).then(() =>
      this.write(stream, events, expected),
    );
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(stream, tail);
    void tail.then(() => this.tails.get(stream) === tail && this.tails.delete(stream));
    return result;
  }

  private async write(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    let head = last && { revision: last.revision, hash: last.hash };
    const actual = head ? head.revision : 'no_stream';
    if (actual !== expected) throw new WrongExpectedRevisionError(stream, expected, actual);
    const proposed = events.map((event) => {
      const chained = chainEvent({ ...event, stream }, head);
      head = { revision: chained.revision, hash: chained.hash };
      const { metadata, schemaVersion, previousHash, hash, keyIds } = chained;
      const envelope: EnvelopeMetadata = { metadata, schemaVersion, previousHash, hash, keyIds };
      return jsonEvent({ id: chained.id, type: chained.type, data: chained.data, metadata: envelope });
    });
    let revision: number;
    try {
      // Retry-safe: a retry after a lost ack conflicts, or is deduplicated (same ids at the same revision).
      const result = await this.client.appendToStream(stream, proposed, {
        expectedRevision: actual === 'no_stream' ? NO_STREAM : BigInt(actual),
      });
      revision = Number(result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const current = error.actualVersion;
      throw new WrongExpectedRevisionError(
        stream,
        expected,
        current === NO_STREAM ? current : Number(current),
      );
    }
    // Read back: a deduplicated append's reply has no position; a multi-event one may not be the last's.
    const [written] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    if (written?.id !== events[events.length - 1].id)
      throw new Error(`Stream ${stream}: revision ${revision} does not hold the event just appended`);
    return { position: written.position, revision };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) if (resolved.event) events.push(toRecorded(resolved.event));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const found: RecordedEvent[] = [];
    // All up to the cursor is seen: "after" stays exclusive whether or not the server's read is inclusive.
    let cursor = options.after;
    while (found.length < maxCount) {
      const read = this.client.readAll({
        direction: FORWARDS,
        fromPosition: cursor === undefined ? START : fromGlobalPosition(cursor),
        maxCount: READ_PAGE,
      });
      let pageSize = 0;
      for await (const resolved of read) {
        pageSize++;
        const record = resolved.event;
        if (!record || resolved.link || !isLogPosition(record.position)) continue;
        const position = toGlobalPosition(record.position);
        if (cursor !== undefined && position <= cursor) continue;
        cursor = position;
        if (isOurs(record) && found.length < maxCount) found.push(toRecorded(record));
      }
      if (pageSize < READ_PAGE) break;
    }
    return found;
  }

  /** The last of our events in $all, read backwards past system events. */
  async headPosition(): Promise<bigint | undefined> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: READ_PAGE });
    for await (const resolved of read) {
      const record = resolved.event;
      if (record && !resolved.link && isLogPosition(record.position) && isOurs(record))
        return toGlobalPosition(record.position);
    }
    return undefined;
  }

  /** Catch-up reads $all in one loop (gapless by construction); a live server subscription only wakes it. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAfter: (after, maxCount) => this.readAll({ after, maxCount }),
        waitForAppends: () => {
          this.ensureNotifier();
          return this.appends.wait();
        },
        wakeAll: () => this.appends.wakeAll(),
      },
      handler,
      options,
    );
  }

  /** One live subscription per store, from the end of $all: each non-system event wakes the waiters. */
  private ensureNotifier(): void {
    if (this.notifier || this.closed) return;
    const notifier = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    const drop = () => {
      if (this.notifier === notifier) this.notifier = undefined;
    };
    notifier.on('data', () => this.appends.wakeAll());
    notifier.on('error', drop);
    notifier.on('end', drop);
    notifier.on('close', drop);
    this.notifier = notifier;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.tails.values());
    this.appends.wakeAll();
    const notifier = this.notifier;
    this.notifier = undefined;
    await notifier?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
