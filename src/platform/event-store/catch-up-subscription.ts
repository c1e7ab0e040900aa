import { BatchHandler, SubscribeOptions, Subscription } from './event-store.port';
import { RecordedEvent } from './stored-event';
import { yieldToIo } from '../yield-to-io';

const BATCH_SIZE = 500;
const MAX_BACKOFF_MS = 5_000;

export interface CatchUpSource {
  readAfter(after: bigint | undefined, maxCount: number): Promise<RecordedEvent[]>;
  /** Resolves when new events may exist (an append was seen) or after a short poll interval. */
  waitForAppends(): Promise<void>;
  /** Wakes every waiter at once, e.g. to stop. */
  wakeAll(): void;
}

/**
 * The embedded store's subscription, polling its own file (EventStoreDB follows the server's own subscription:
 * server-subscription.ts).
 * Reads from a checkpoint until caught up, then waits for appends and reads again: one loop, so the switch to
 * live can neither skip nor repeat an event. A failure drops it; it resumes from the last handled position.
 */
export function catchUpSubscription(
  source: CatchUpSource,
  handler: BatchHandler,
  options: SubscribeOptions = {},
): Subscription {
  let position = options.after;
  let stopped = false;
  let live = false;

  const run = async () => {
    let backoffMs = 50;
    while (!stopped) {
      try {
        const batch = await source.readAfter(position, BATCH_SIZE);
        if (stopped) break;
        if (batch.length > 0) {
          await handler(batch);
          position = batch[batch.length - 1].position;
          backoffMs = 50;
          await yieldToIo();
          continue;
        }
        if (!live) {
          live = true;
          options.onLive?.();
        }
        await source.waitForAppends();
      } catch (error) {
        if (stopped) break;
        options.onDrop?.(error);
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }
  };
  const done = run();

  return {
    get position() {
      return position;
    },
    async stop() {
      stopped = true;
      source.wakeAll();
      await done;
    },
  };
}

/** Wakes waiting subscriptions when an append is seen, or after `pollMs` at the latest (appends made elsewhere). */
export class AppendSignal {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly pollMs: number) {}

  wait(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollMs);
      this.waiters.add(wake);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
