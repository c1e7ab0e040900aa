import { catchUpSubscription } from './catch-up-subscription';
import { RecordedEvent } from './stored-event';

const event = (position: number) => ({ position: BigInt(position) }) as RecordedEvent;

describe('a catch-up subscription on a store that answers at once', () => {
  it('lets pending I/O run between batches, so a long catch-up never starves requests', async () => {
    const batches = 50;
    const source = {
      // Resolves at once, as the embedded store does: nothing here ever waits for I/O.
      readAfter: async (after: bigint | undefined) => {
        const next = Number(after ?? 0n) + 1;
        return next > batches ? [] : [event(next)];
      },
      // As the embedded store's signal does, it also wakes after a short poll.
      waitForAppends: () => new Promise<void>((resolve) => setTimeout(resolve, 5)),
      wakeAll: () => undefined,
    };
    const handled: number[] = [];
    let handledWhenIoRan: number | undefined;
    setImmediate(() => (handledWhenIoRan = handled.length));
    const live = new Promise<void>((resolve) => {
      const subscription = catchUpSubscription(
        source,
        async (batch) => void handled.push(...batch.map((e) => Number(e.position))),
        { onLive: () => void subscription.stop().then(resolve) },
      );
    });
    await live;
    expect(handled).toHaveLength(batches);
    expect(handledWhenIoRan).toBeLessThan(batches);
  });
});
