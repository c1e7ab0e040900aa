import { setTimeout as sleepFor } from 'node:timers/promises';
import { BatchHandler, SubscribeOptions, Subscription } from './event-store.port';
import { RecordedEvent } from './stored-event';

const BATCH_SIZE = 500;
const FIRST_BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 5_000;

/** One server push subscription, in log order; it ends or throws when it drops. */
export interface ServerFeed {
  /** The next delivery: an event of ours, or null for a record that is not (skipped, and already counted). */
  next(): Promise<IteratorResult<RecordedEvent | null>>;
  /** Deliveries already buffered: they join the current batch without waiting for more. */
  buffered(): number;
  /** Cancels the server subscription; a pending next() then rejects or ends. */
  close(): Promise<void>;
}

export interface FeedSource {
  /** Subscribes to the log strictly after `after` (from its start when undefined). */
  open(after: bigint | undefined): Promise<ServerFeed>;
  /** Position of the log's last event of ours now: the subscriber turns live once it has handled it. */
  head(): Promise<bigint | undefined>;
}

/** Waits `ms`, or less once `signal` aborts (stop). Injected, so tests decide when time passes. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) => sleepFor(ms, undefined, { signal }).catch(() => undefined);

/** Wait before resubscribing after `failures` drops in a row: doubles from 50 ms up to 5 s. */
export const backoffAfter = (failures: number): number =>
  Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_MS);

/** What the feed holds now, up to a batch: waits only for the first delivery. Undefined once the feed ended. */
async function nextBatch(feed: ServerFeed): Promise<RecordedEvent[] | undefined> {
  const first = await feed.next();
  if (first.done) return undefined;
  const deliveries = [first.value];
  while (deliveries.length < BATCH_SIZE && feed.buffered() > 0) {
    const more = await feed.next();
    if (more.done) break;
    deliveries.push(more.value);
  }
  return deliveries.filter((event): event is RecordedEvent => event !== null);
}

/**
 * Follows the log through the server's own catch-up subscription (history, then live, in one ordered feed). A drop
 * (the server or connection failed, the feed ended, or the handler threw) closes it and subscribes again from the
 * last handled position after a backoff; events at or before that position are never handed over twice.
 */
export function serverSubscription(
  source: FeedSource,
  handler: BatchHandler,
  options: SubscribeOptions = {},
  sleep: Sleep = realSleep,
): Subscription {
  let position = options.after;
  let live = false;
  let failures = 0;
  let feed: ServerFeed | undefined;
  const stopping = new AbortController();

  const turnLiveAt = (head: bigint | undefined) => {
    if (live || (head !== undefined && (position === undefined || position < head))) return;
    live = true;
    options.onLive?.();
  };

  const follow = async () => {
    const head = live ? undefined : await source.head();
    feed = await source.open(position);
    if (stopping.signal.aborted) return;
    turnLiveAt(head);
    for (;;) {
      const batch = await nextBatch(feed);
      if (stopping.signal.aborted) return;
      if (batch === undefined) throw new Error('EventStoreDB ended the subscription');
      const fresh = batch.filter((event) => position === undefined || event.position > position);
      if (fresh.length > 0) {
        await handler(fresh);
        position = fresh[fresh.length - 1].position;
        failures = 0;
      }
      turnLiveAt(head);
    }
  };

  const run = async () => {
    while (!stopping.signal.aborted) {
      try {
        await follow();
      } catch (error) {
        if (stopping.signal.aborted) break;
        failures++;
        options.onDrop?.(error);
      } finally {
        const dropped = feed;
        feed = undefined;
        await dropped?.close().catch(() => undefined);
      }
      if (!stopping.signal.aborted) await sleep(backoffAfter(failures), stopping.signal);
    }
  };
  const done = run();

  return {
    get position() {
      return position;
    },
    async stop() {
      stopping.abort();
      await feed?.close().catch(() => undefined);
      await done;
    },
  };
}
