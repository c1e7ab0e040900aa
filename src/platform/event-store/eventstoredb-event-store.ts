import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
} from '@eventstore/db-client';
import type { ServerFeatures } from '@eventstore/db-client/dist/Client/ServerFeatures';
import { chainEvent } from './event-hash';
import {
  UnchainedAppendError,
  UnsupportedEventStoreError,
  WrongExpectedRevisionError,
} from './event-store.errors';
import {
  BatchHandler,
  EventStore,
  ForeignEvents,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './event-store.port';
import { appendOutcome, esdbExpectedRevision, portErrorOf } from './eventstoredb-append';
import { isSystemRecord, recognise, toProposedEvent } from './eventstoredb-envelope';
import { fromGlobalPosition, isLogPosition, toGlobalPosition } from './eventstoredb-position';
import { serverRefusal } from './eventstoredb-server';
import { ForeignEventTally } from './foreign-event-tally';
import { ServerFeed, serverSubscription } from './server-subscription';
import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, StreamHead } from './stored-event';

/** $all is read in pages; system events count against a page, so pages stay larger than typical batches. */
const READ_PAGE = 500;
/** EventStoreDB ids are UUIDs, read back in lowercase: any other id would not read back as it was hashed. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Event store on EventStoreDB 22.6+ ($all reads need admin rights: credentials in the URL, or --insecure).
 * Each event keeps its envelope: data as the event's data, the other hashed fields in its metadata.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  /** Tail of each stream's queue of appends from this process. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly foreign = new ForeignEventTally();
  private readonly subscriptions = new Set<Subscription>();
  private serverChecked: Promise<void> | undefined;

  constructor(readonly url: string) {
    this.client = EventStoreDBClient.connectionString(url);
  }

  /** Once per store: a refusal sticks, a failure to ask (server unreachable) is asked again next time. */
  verifyServer(): Promise<void> {
    this.serverChecked ??= this.checkServer().catch((error) => {
      if (!(error instanceof UnsupportedEventStoreError)) this.serverChecked = undefined;
      throw error;
    });
    return this.serverChecked;
  }

  private async checkServer(): Promise<void> {
    // The client keeps the server's features behind a protected getter; its serverVersion is public.
    const features: ServerFeatures = await this.client['capabilities'];
    const refusal = serverRefusal(features.serverVersion);
    if (refusal) throw new UnsupportedEventStoreError(refusal);
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

  /** One round trip when the caller passes the head it read; a bare revision costs a read of the head first. */
  private async write(
    stream: string,
    events: readonly NewEvent[],
    expected: Exclude<ExpectedRevision, 'any'>,
  ): Promise<AppendResult> {
    await this.verifyServer();
    const start = expected === 'no_stream' ? undefined : await this.headAt(stream, expected);
    let head = start;
    const proposed = events.map((event) => {
      const chained = chainEvent({ ...event, stream }, head);
      head = { revision: chained.revision, hash: chained.hash };
      return toProposedEvent(chained);
    });
    try {
      const reply = await this.client.appendToStream(stream, proposed, {
        expectedRevision: esdbExpectedRevision(start),
      });
      return appendOutcome(stream, expected, head!.revision, reply);
    } catch (error) {
      throw portErrorOf(stream, expected, error);
    }
  }

  /** The head to chain onto: as the caller read it, or read now for a bare revision (refused if it moved). */
  private async headAt(stream: string, expected: number | StreamHead): Promise<StreamHead> {
    if (typeof expected === 'object') return expected;
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (last?.revision !== expected)
      throw new WrongExpectedRevisionError(stream, expected, last ? last.revision : 'no_stream');
    return { revision: last.revision, hash: last.hash };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    await this.verifyServer();
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision:
        options.fromRevision === undefined ? (backwards ? END : START) : BigInt(options.fromRevision),
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (!resolved.event) continue;
        const recognised = recognise(resolved.event);
        // Inside one of our streams a foreign record is no one else's business: loud, for an operator to see.
        if ('foreign' in recognised)
          throw new Error(
            `Event ${resolved.event.id} in ${stream} is not a Suara Warga envelope: ${recognised.foreign}`,
          );
        events.push(recognised.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** Ours, or null for a record that is not: the server's own (silently), or another application's (counted). */
  private ours(resolved: AllStreamResolvedEvent): RecordedEvent | null {
    const record = resolved.event;
    if (!record || resolved.link || isSystemRecord(record)) return null;
    const recognised = recognise(record);
    if ('event' in recognised) return recognised.event;
    const { streamId: stream, id, type, position } = record;
    if (isLogPosition(position))
      this.foreign.record({
        stream,
        id,
        type,
        position: toGlobalPosition(position),
        reason: recognised.foreign,
      });
    return null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    await this.verifyServer();
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
        if (!resolved.event || !isLogPosition(resolved.event.position)) continue;
        const position = toGlobalPosition(resolved.event.position);
        if (cursor !== undefined && position <= cursor) continue;
        cursor = position;
        const event = this.ours(resolved);
        if (event && found.length < maxCount) found.push(event);
      }
      if (pageSize < READ_PAGE) break;
    }
    return found;
  }

  /** The last of our events in $all, read backwards page by page past the server's and others' records. */
  async headPosition(): Promise<bigint | undefined> {
    await this.verifyServer();
    let cursor: bigint | undefined;
    for (;;) {
      const read = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: cursor === undefined ? END : fromGlobalPosition(cursor),
        maxCount: READ_PAGE,
      });
      let pageSize = 0;
      for await (const resolved of read) {
        pageSize++;
        if (!resolved.event || !isLogPosition(resolved.event.position)) continue;
        const position = toGlobalPosition(resolved.event.position);
        if (cursor !== undefined && position >= cursor) continue;
        cursor = position;
        if (this.ours(resolved)) return position;
      }
      if (pageSize < READ_PAGE) return undefined;
    }
  }

  /** Counted by reading forwards: EventStoreDB positions are byte offsets in its log, not event numbers. */
  async eventsAfter(position: bigint | undefined, limit: number): Promise<number> {
    return (await this.readAll({ after: position, maxCount: limit })).length;
  }

  foreignEvents(): ForeignEvents {
    return this.foreign.snapshot();
  }

  /** The server's catch-up subscription to $all, filtered server-side to non-system event types. */
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    const subscription = serverSubscription(
      { open: (after) => this.openFeed(after), head: () => this.headPosition() },
      handler,
      options,
    );
    this.subscriptions.add(subscription);
    return {
      get position() {
        return subscription.position;
      },
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  private async openFeed(after: bigint | undefined): Promise<ServerFeed> {
    await this.verifyServer();
    const subscription: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: after === undefined ? START : fromGlobalPosition(after),
      filter: excludeSystemEvents(),
    });
    // The client emits a server error without destroying; destroying makes a pending or later next() reject.
    subscription.on('error', (error) => subscription.destroy(error));
    const deliveries = subscription[Symbol.asyncIterator]();
    return {
      next: async () => {
        const delivery = await deliveries.next();
        return delivery.done ? delivery : { done: false, value: this.ours(delivery.value) };
      },
      buffered: () => subscription.readableLength,
      close: async () => {
        await subscription.unsubscribe().catch(() => undefined);
        subscription.destroy();
      },
    };
  }

  /** Stops what still follows the log (else it would resubscribe to a closed client), then closes the client. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await Promise.all(this.tails.values());
    await this.client.dispose();
  }
}
