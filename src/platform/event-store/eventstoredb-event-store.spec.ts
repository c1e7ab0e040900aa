import { waitFor } from '../../../test/support/wait-for';
import { configFromEnv } from '../config';
import { UnsupportedEventStoreError } from './event-store.errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { fromGlobalPosition, isLogPosition, toGlobalPosition } from './eventstoredb-position';
import { eventStoreContract } from './testing/event-store.contract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', () => ({ kind: 'eventstoredb', url }));
} else {
  // Reported as skipped by name, never silently passed.
  describe.skip('event store contract: EventStoreDB (skipped: EVENTSTORE_URL is not set)', () => {
    it('runs the contract suite against EventStoreDB', () => {});
  });
}

describe('EventStoreDB global positions (commit·2^64 + prepare)', () => {
  const TWO_64 = 1n << 64n;
  const MAX_U64 = TWO_64 - 1n;

  it('encodes commit in the high 64 bits and prepare in the low 64 bits', () => {
    expect(toGlobalPosition({ commit: 0n, prepare: 0n })).toBe(0n);
    expect(toGlobalPosition({ commit: 0n, prepare: 7n })).toBe(7n);
    expect(toGlobalPosition({ commit: 1n, prepare: 0n })).toBe(TWO_64);
    expect(toGlobalPosition({ commit: 1234n, prepare: 1200n })).toBe(1234n * TWO_64 + 1200n);
  });

  it('round-trips, including the largest values', () => {
    const positions = [
      { commit: 0n, prepare: 0n },
      { commit: 1n, prepare: 1n },
      { commit: 4_398_046_511_104n, prepare: 4_398_046_510_900n },
      { commit: (1n << 63n) - 1n, prepare: (1n << 63n) - 1n },
      { commit: MAX_U64, prepare: MAX_U64 },
    ];
    for (const p of positions) expect(fromGlobalPosition(toGlobalPosition(p))).toEqual(p);
    const largest = toGlobalPosition({ commit: MAX_U64, prepare: MAX_U64 });
    expect(largest).toBe(TWO_64 * TWO_64 - 1n);
    expect(largest.toString(10)).toHaveLength(39); // still a valid client position (parsePosition)
  });

  it('orders as $all does: by commit, then by prepare', () => {
    const inLogOrder = [
      { commit: 10n, prepare: 10n },
      { commit: 10n, prepare: 20n },
      { commit: 11n, prepare: 0n },
      { commit: 11n, prepare: MAX_U64 },
      { commit: 12n, prepare: 5n },
      { commit: MAX_U64, prepare: 0n },
    ];
    const globals = inLogOrder.map(toGlobalPosition);
    expect(globals.every((g, i) => i === 0 || g > globals[i - 1])).toBe(true);
    const shuffled = [...globals].reverse().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(shuffled.map(fromGlobalPosition)).toEqual(inLogOrder);
  });

  it('refuses values outside the two 64-bit halves', () => {
    expect(() => toGlobalPosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => toGlobalPosition({ commit: 0n, prepare: TWO_64 })).toThrow(RangeError);
    expect(() => fromGlobalPosition(-1n)).toThrow(RangeError);
    expect(() => fromGlobalPosition(TWO_64 * TWO_64)).toThrow(RangeError);
  });

  it("treats a missing position and older servers' 2^64−1 marker as no position", () => {
    expect(isLogPosition(undefined)).toBe(false);
    expect(isLogPosition({ commit: MAX_U64, prepare: MAX_U64 })).toBe(false);
    expect(isLogPosition({ commit: 42n, prepare: 40n })).toBe(true);
  });
});

describe('event store configuration', () => {
  it('chooses EventStoreDB when EVENTSTORE_URL is set, SQLite otherwise', () => {
    const esdb = 'esdb://localhost:2113?tls=false';
    expect(configFromEnv({ EVENTSTORE_URL: esdb }).eventStore).toEqual({ kind: 'eventstoredb', url: esdb });
    expect(configFromEnv({ DATA_DIR: '/tmp/suara' }).eventStore).toEqual({
      kind: 'sqlite',
      file: '/tmp/suara/events.sqlite',
    });
  });
});

describe('EventStoreDB adapter with no server to reach (the real client, port 1 refuses)', () => {
  const unreachable = 'esdb://127.0.0.1:1?tls=false';

  it('fails the start-up check with the connection error, not a refusal, and asks again next time', async () => {
    const store = new EventStoreDbEventStore(unreachable);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await store.verifyServer().catch((e: unknown) => e);
      expect(String(error)).toMatch(/UNAVAILABLE/);
      expect(error).not.toBeInstanceOf(UnsupportedEventStoreError);
    }
    await store.close();
  });

  it('keeps resubscribing while the server is unreachable, without crashing, and stops when asked', async () => {
    const store = new EventStoreDbEventStore(unreachable);
    const drops: unknown[] = [];
    const subscription = store.subscribeToAll(async () => {}, { onDrop: (error) => drops.push(error) });
    await waitFor(() => drops.length >= 2, 'two drops');
    await subscription.stop();
    await store.close();
    expect(String(drops[0])).toMatch(/UNAVAILABLE/);
    expect(subscription.position).toBeUndefined();
  });
});
