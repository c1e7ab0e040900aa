import { waitFor } from '../../../test/support/wait-for';
import { SubscribeOptions } from './event-store.port';
import { FeedSource, ServerFeed, Sleep, backoffAfter, serverSubscription } from './server-subscription';
import { RecordedEvent } from './stored-event';

const event = (position: bigint): RecordedEvent => ({
  id: `e${position}`,
  stream: 'aspiration-1',
  revision: Number(position),
  type: 'Tested',
  schemaVersion: 1,
  data: {},
  metadata: {},
  previousHash: null,
  hash: 'h',
  keyIds: [],
  position,
  recordedAt: '2026-11-27T03:00:00.000Z',
});

type Entry = { readonly position: bigint; readonly ours: boolean };

/** One subscription as the client delivers it: what was buffered at once, then what arrives, until it drops. */
class FakeFeed implements ServerFeed {
  private readonly queue: Array<RecordedEvent | null> = [];
  private waiting:
    { resolve: (r: IteratorResult<RecordedEvent | null>) => void; reject: (e: unknown) => void } | undefined;
  private ended: unknown = undefined;
  closed = false;

  constructor(readonly after: bigint | undefined) {}

  deliver(entry: Entry) {
    const delivery = entry.ours ? event(entry.position) : null;
    if (this.waiting) this.settle({ value: delivery, done: false });
    else this.queue.push(delivery);
  }

  /** The server or connection fails (an error), or ends the subscription (true). */
  drop(how: Error | true) {
    this.ended = how;
    if (this.waiting) this.settle(how === true ? { value: undefined, done: true } : how);
  }

  private settle(outcome: IteratorResult<RecordedEvent | null> | Error) {
    const waiting = this.waiting!;
    this.waiting = undefined;
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  next(): Promise<IteratorResult<RecordedEvent | null>> {
    if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.ended === true) return Promise.resolve({ value: undefined, done: true });
    if (this.ended) return Promise.reject(this.ended);
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  buffered() {
    return this.queue.length;
  }

  async close() {
    this.closed = true;
    if (this.waiting) this.settle(new Error('premature close'));
  }
}

/** A log whose server starts a subscription at its position inclusively: the subscriber must not hand it twice. */
class FakeLog implements FeedSource {
  readonly entries: Entry[] = [];
  readonly feeds: FakeFeed[] = [];
  openFailures = 0;

  append(position: bigint, ours = true) {
    const entry = { position, ours };
    this.entries.push(entry);
    for (const feed of this.feeds) if (!feed.closed) feed.deliver(entry);
  }

  async open(after: bigint | undefined) {
    if (this.openFailures > 0) {
      this.openFailures--;
      throw new Error('14 UNAVAILABLE: connection refused');
    }
    const feed = new FakeFeed(after);
    for (const entry of this.entries) if (after === undefined || entry.position >= after) feed.deliver(entry);
    this.feeds.push(feed);
    return feed;
  }

  async head() {
    return this.entries.filter((e) => e.ours).at(-1)?.position;
  }

  get current() {
    return this.feeds[this.feeds.length - 1];
  }
}

/** Time passes only as the test says: every wait is recorded and returns at once. */
function recordingSleep() {
  const waits: number[] = [];
  const sleep: Sleep = async (ms) => void waits.push(ms);
  return { waits, sleep };
}

function follow(log: FakeLog, options: SubscribeOptions = {}, sleep = recordingSleep().sleep) {
  const batches: bigint[][] = [];
  const drops: unknown[] = [];
  let live = 0;
  let failing = 0;
  const subscription = serverSubscription(
    log,
    async (batch) => {
      if (failing > 0) {
        failing--;
        throw new Error('projection failed');
      }
      batches.push(batch.map((e) => e.position));
    },
    { ...options, onLive: () => live++, onDrop: (error) => drops.push(error) },
    sleep,
  );
  const handled = () => batches.flat();
  return {
    subscription,
    batches,
    drops,
    handled,
    live: () => live,
    failNext: (times: number) => (failing = times),
  };
}

describe('following the log through a server subscription', () => {
  it('hands over what is buffered as one batch, turns live after the head, then follows appends', async () => {
    const log = new FakeLog();
    [10n, 20n, 30n].forEach((p) => log.append(p));
    const run = follow(log);
    await waitFor(() => run.live() === 1, 'live');
    expect(run.batches).toEqual([[10n, 20n, 30n]]);
    log.append(40n);
    await waitFor(() => run.handled().length === 4, 'the new event');
    await run.subscription.stop();
    expect(run.batches).toEqual([[10n, 20n, 30n], [40n]]);
    expect(run.live()).toBe(1);
    expect(run.subscription.position).toBe(40n);
  });

  it('never hands over records that are not ours, nor calls the handler for a batch of only those', async () => {
    const log = new FakeLog();
    log.append(10n);
    log.append(15n, false);
    log.append(20n);
    const run = follow(log);
    await waitFor(() => run.live() === 1, 'live');
    log.append(25n, false);
    log.append(30n);
    await waitFor(() => run.handled().length === 3, 'three events');
    await run.subscription.stop();
    expect(run.batches).toEqual([[10n, 20n], [30n]]);
  });

  it('starts strictly after its checkpoint, and is live at once when that is the head or the log is empty', async () => {
    const log = new FakeLog();
    const empty = follow(log);
    await waitFor(() => empty.live() === 1, 'live on an empty log');
    await empty.subscription.stop();
    [10n, 20n].forEach((p) => log.append(p));
    const atHead = follow(log, { after: 20n });
    await waitFor(() => atHead.live() === 1, 'live at the head');
    log.append(30n);
    await waitFor(() => atHead.handled().length === 1, 'the next event');
    await atHead.subscription.stop();
    expect(log.current.after).toBe(20n);
    expect(atHead.batches).toEqual([[30n]]);
  });

  it('resubscribes from the last handled position after a drop, without gaps or duplicates', async () => {
    const log = new FakeLog();
    const { waits, sleep } = recordingSleep();
    [10n, 20n].forEach((p) => log.append(p));
    const run = follow(log, {}, sleep);
    await waitFor(() => run.live() === 1, 'live');
    log.current.drop(new Error('14 UNAVAILABLE: connection lost'));
    log.append(30n);
    await waitFor(() => run.handled().length === 3, 'the event appended during the drop');
    await run.subscription.stop();
    expect(log.feeds.map((f) => f.after)).toEqual([undefined, 20n]);
    expect(log.feeds.every((f) => f.closed)).toBe(true);
    expect(run.handled()).toEqual([10n, 20n, 30n]);
    expect(run.drops).toEqual([expect.objectContaining({ message: '14 UNAVAILABLE: connection lost' })]);
    expect(waits).toEqual([50]);
  });

  it('takes a subscription the server ends for a drop, and resumes', async () => {
    const log = new FakeLog();
    log.append(10n);
    const run = follow(log);
    await waitFor(() => run.live() === 1, 'live');
    log.current.drop(true);
    await waitFor(() => log.feeds.length === 2, 'a new subscription');
    log.append(20n);
    await waitFor(() => run.handled().length === 2, 'the next event');
    await run.subscription.stop();
    expect(run.drops).toEqual([expect.objectContaining({ message: 'EventStoreDB ended the subscription' })]);
  });

  it('retries a batch the handler failed on, backing off more each time, and starts over after progress', async () => {
    const log = new FakeLog();
    const { waits, sleep } = recordingSleep();
    [10n, 20n].forEach((p) => log.append(p));
    const run = follow(log, {}, sleep);
    run.failNext(3);
    await waitFor(() => run.live() === 1, 'live');
    expect(run.batches).toEqual([[10n, 20n]]);
    expect(waits).toEqual([50, 100, 200]);
    run.failNext(1);
    log.append(30n);
    await waitFor(() => run.handled().length === 3, 'the retried event');
    await run.subscription.stop();
    expect(waits).toEqual([50, 100, 200, 50]);
    expect(run.drops).toHaveLength(4);
  });

  it('keeps trying to subscribe while the server is unreachable', async () => {
    const log = new FakeLog();
    const { waits, sleep } = recordingSleep();
    log.append(10n);
    log.openFailures = 2;
    const run = follow(log, {}, sleep);
    await waitFor(() => run.handled().length === 1, 'the event once the server answers');
    await run.subscription.stop();
    expect(waits).toEqual([50, 100]);
    expect(run.drops).toHaveLength(2);
  });

  it('stops while it waits for events, or while it backs off, closing the server subscription', async () => {
    const log = new FakeLog();
    const waiting = follow(log);
    await waitFor(() => waiting.live() === 1, 'live');
    await waiting.subscription.stop();
    expect(log.current.closed).toBe(true);

    let backingOff = false;
    const untilStopped: Sleep = (_ms, signal) =>
      new Promise((resolve) => {
        backingOff = true;
        signal.addEventListener('abort', () => resolve());
      });
    log.openFailures = 1;
    const backing = follow(log, {}, untilStopped);
    await waitFor(() => backingOff, 'a backoff');
    await backing.subscription.stop();
    expect(log.feeds).toHaveLength(1);
  });

  it('backs off from 50 ms, doubling, up to 5 s', () => {
    expect([1, 2, 3, 4, 7, 8, 30].map(backoffAfter)).toEqual([50, 100, 200, 400, 3_200, 5_000, 5_000]);
  });
});
