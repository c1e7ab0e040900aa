import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from './stored-event';

export const EVENT_STORE = Symbol('EventStore');

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive; defaults to the first (forwards) or last (backwards) revision. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position; from the beginning when absent. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after it; from the beginning when absent. */
  readonly after?: bigint;
  /** Called once when the subscription has read everything and waits for new appends. */
  readonly onLive?: () => void;
  /** Called when the subscription drops (reader or handler failed); it resubscribes from its last position. */
  readonly onDrop?: (error: unknown) => void;
}

/** Each batch is handled before the next is read; a failing handler drops the subscription, which resumes. */
export type BatchHandler = (events: readonly RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Position of the last event handled. */
  readonly position: bigint | undefined;
  stop(): Promise<void>;
}

/** Records in the log that are not Suara Warga event envelopes (another application's): skipped, and counted. */
export interface ForeignEvents {
  /** Distinct foreign events this process has skipped. */
  readonly count: number;
  /** The last one skipped, to find it in the store. */
  readonly last?: {
    readonly stream: string;
    readonly id: string;
    readonly type: string;
    readonly position: bigint;
    readonly reason: string;
  };
}

/** The event store port: EventStoreDB in production, SQLite embedded. Every adapter passes one contract suite. */
export interface EventStore {
  /**
   * Resolves only once the events are durable. Throws WrongExpectedRevisionError on a concurrency conflict. Pass
   * the StreamHead just read (not only its revision) so the store need not read the head again to chain onto it.
   */
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the log (undefined when empty). */
  headPosition(): Promise<bigint | undefined>;
  /**
   * How many events follow `position` in the log (all of them when undefined), counted up to `limit`: how far
   * behind a reader is, in events. Positions are not contiguous, so this is never a difference of positions.
   */
  eventsAfter(position: bigint | undefined, limit: number): Promise<number>;
  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription;
  /** What readers skipped because it was not an event of ours (always none on an embedded store). */
  foreignEvents(): ForeignEvents;
  /** Refuses (UnsupportedEventStoreError, one line) a server this adapter cannot serve; run at start-up. */
  verifyServer(): Promise<void>;
  close(): Promise<void>;
}
