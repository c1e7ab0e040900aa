import { join } from 'node:path';
import { spawnTs } from '../../../../test/support/ts-child';
import { waitFor } from '../../../../test/support/wait-for';
import { findChainBreak, hashEvent } from '../event-hash';
import { UnchainedAppendError, WrongExpectedRevisionError } from '../event-store.errors';
import { EventStore } from '../event-store.port';
import { EventStoreConfig, createEventStore } from '../create-event-store';
import { RecordedEvent } from '../stored-event';
import { testEvent, uniqueStream } from './test-events';

const CHILD = join(__dirname, 'append-child.ts');

const labels = (events: readonly RecordedEvent[]) => events.map((e) => e.data.label);

/** The event store contract: every adapter runs this same suite against a real backend. */
export function eventStoreContract(adapter: string, openConfig: () => EventStoreConfig): void {
  describe(`event store contract: ${adapter}`, () => {
    let config: EventStoreConfig;
    let store: EventStore;
    const extraStores: EventStore[] = [];

    beforeEach(() => {
      config = openConfig();
      store = createEventStore(config);
    });
    afterEach(async () => {
      await Promise.all([store, ...extraStores.splice(0)].map((s) => s.close()));
    });

    async function appendLabels(stream: string, names: string[]) {
      let last;
      for (const [i, name] of names.entries())
        last = await store.append(stream, [testEvent(name)], i === 0 ? 'no_stream' : i - 1);
      return last!;
    }

    describe('append', () => {
      it('creates a stream with no_stream and continues it at its exact revision', async () => {
        const stream = uniqueStream();
        const first = await store.append(stream, [testEvent('a'), testEvent('b')], 'no_stream');
        const second = await store.append(stream, [testEvent('c')], 1);
        expect(first.revision).toBe(1);
        expect(second.revision).toBe(2);
        expect(second.position > first.position).toBe(true);
        expect(labels(await store.readStream(stream))).toEqual(['a', 'b', 'c']);
      });

      it('refuses a stale or wrong expected revision with a conflict and writes nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent('a')], 'no_stream');
        await expect(store.append(stream, [testEvent('x')], 'no_stream')).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await expect(store.append(stream, [testEvent('x')], 5)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await expect(store.append(uniqueStream(), [testEvent('x')], 0)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(labels(await store.readStream(stream))).toEqual(['a']);
      });

      it('refuses "any" on hash-chained streams', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [testEvent('a')], 'any')).rejects.toBeInstanceOf(
          UnchainedAppendError,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('chains every event to the previous one with store-assigned fields outside the hash', async () => {
        const stream = uniqueStream();
        await appendLabels(stream, ['a', 'b', 'c']);
        const events = await store.readStream(stream);
        expect(events[0].previousHash).toBeNull();
        expect(events[1].previousHash).toBe(events[0].hash);
        expect(findChainBreak(events)).toBeUndefined();
        const moved = { ...events[1], position: 999_999n, recordedAt: '2000-01-01T00:00:00.000Z' };
        expect(hashEvent(moved)).toBe(events[1].hash);
        const tampered = [events[0], { ...events[1], data: { label: 'B' } }, events[2]];
        expect(findChainBreak(tampered)).toEqual({
          revision: 1,
          eventId: events[1].id,
          reason: 'hash_mismatch',
        });
      });
      it('drops top-level undefined fields before hashing, so the chain verifies after a round trip', async () => {
        const stream = uniqueStream();
        const optional = { ...testEvent('a', { parentAgencyId: undefined }) };
        const withMetadata = {
          ...testEvent('b'),
          metadata: { ...testEvent('b').metadata, causationId: undefined },
        };
        await store.append(stream, [optional, withMetadata], 'no_stream');
        await store.append(stream, [testEvent('c')], 1);
        const events = await store.readStream(stream);
        expect('parentAgencyId' in events[0].data).toBe(false);
        expect('causationId' in events[1].metadata).toBe(false);
        expect(findChainBreak(events)).toBeUndefined();
      });
    });

    describe('append onto the head the caller read', () => {
      const headOf = async (stream: string) => {
        const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
        return { revision: last.revision, hash: last.hash };
      };

      it('chains onto it and answers the position of the last event it wrote', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent('a')], 'no_stream');
        const result = await store.append(stream, [testEvent('b'), testEvent('c')], await headOf(stream));
        const events = await store.readStream(stream);
        expect(result).toEqual({ position: events[2].position, revision: 2 });
        expect(findChainBreak(events)).toBeUndefined();
      });

      it('refuses a head that is no longer the last event, and writes nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, [testEvent('a')], 'no_stream');
        const stale = await headOf(stream);
        await store.append(stream, [testEvent('b')], 0);
        await expect(store.append(stream, [testEvent('x')], stale)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(labels(await store.readStream(stream))).toEqual(['a', 'b']);
      });

      it('writes a repeated append (the same event ids onto the same head) at most once', async () => {
        const stream = uniqueStream();
        const events = [testEvent('a'), testEvent('b')];
        const first = await store.append(stream, events, 'no_stream');
        const again = await store.append(stream, events, 'no_stream').catch((error: unknown) => {
          if (error instanceof WrongExpectedRevisionError) return 'conflict';
          throw error;
        });
        expect(['conflict', first]).toContainEqual(again);
        expect(labels(await store.readStream(stream))).toEqual(['a', 'b']);
      });
    });

    describe('concurrent appends (group commit)', () => {
      it('acknowledges many concurrent writers, each durable and in order', async () => {
        const streams = Array.from({ length: 64 }, () => uniqueStream());
        const results = await Promise.all(
          streams.map((s, i) => store.append(s, [testEvent(`w${i}`)], 'no_stream')),
        );
        expect(new Set(results.map((r) => r.position)).size).toBe(64);
        for (const [i, s] of streams.entries()) expect(labels(await store.readStream(s))).toEqual([`w${i}`]);
      });

      it('chains appends to the same stream made in one group', async () => {
        const stream = uniqueStream();
        const [a, b, c] = await Promise.all([
          store.append(stream, [testEvent('a')], 'no_stream'),
          store.append(stream, [testEvent('b')], 0),
          store.append(stream, [testEvent('c'), testEvent('d')], 1),
        ]);
        expect([a.revision, b.revision, c.revision]).toEqual([0, 1, 3]);
        const events = await store.readStream(stream);
        expect(labels(events)).toEqual(['a', 'b', 'c', 'd']);
        expect(findChainBreak(events)).toBeUndefined();
      });

      it('lets exactly one of two racing creators win', async () => {
        const stream = uniqueStream();
        const outcomes = await Promise.allSettled([
          store.append(stream, [testEvent('first')], 'no_stream'),
          store.append(stream, [testEvent('second')], 'no_stream'),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('read', () => {
      it('reads a stream forwards and backwards from a revision with a max count', async () => {
        const stream = uniqueStream();
        await appendLabels(stream, ['a', 'b', 'c', 'd', 'e']);
        expect(labels(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual(['b', 'c']);
        expect(labels(await store.readStream(stream, { direction: 'backwards', maxCount: 2 }))).toEqual([
          'e',
          'd',
        ]);
        expect(labels(await store.readStream(stream, { direction: 'backwards', fromRevision: 2 }))).toEqual([
          'c',
          'b',
          'a',
        ]);
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('reads all events after a position, in position order', async () => {
        const before = await appendLabels(uniqueStream(), ['marker']);
        const stream = uniqueStream();
        await appendLabels(stream, ['a', 'b', 'c']);
        const all = await store.readAll({ after: before.position });
        const ours = all.filter((e) => e.stream === stream);
        expect(labels(ours)).toEqual(['a', 'b', 'c']);
        const positions = all.map((e) => e.position);
        expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
        expect(await store.readAll({ after: before.position, maxCount: 2 })).toHaveLength(2);
      });

      it('knows the position of the last event in the log', async () => {
        const last = await appendLabels(uniqueStream(), ['a', 'b']);
        expect(await store.headPosition()).toBe(last.position);
      });

      it('counts the events after a position, up to a limit, and none past the head', async () => {
        const before = await appendLabels(uniqueStream(), ['marker']);
        const last = await appendLabels(uniqueStream(), ['a', 'b', 'c']);
        expect(await store.eventsAfter(before.position, 100)).toBe(3);
        expect(await store.eventsAfter(before.position, 2)).toBe(2);
        expect(await store.eventsAfter(last.position, 100)).toBe(0);
        expect(await store.eventsAfter(last.position + 1_000n, 100)).toBe(0);
      });
    });

    describe('catch-up subscription', () => {
      it('catches up, turns live, and delivers every event once in order', async () => {
        const start = await appendLabels(uniqueStream(), ['marker']);
        const stream = uniqueStream();
        await appendLabels(stream, ['old-0', 'old-1', 'old-2']);
        const seen: RecordedEvent[] = [];
        let live = false;
        const subscription = store.subscribeToAll(async (batch) => void seen.push(...batch), {
          after: start.position,
          onLive: () => (live = true),
        });
        for (let i = 0; i < 20; i++) await store.append(stream, [testEvent(`new-${i}`)], 2 + i);
        await waitFor(() => seen.filter((e) => e.stream === stream).length >= 23, 'all 23 events');
        await subscription.stop();
        const expected = await store.readAll({ after: start.position });
        expect(seen.map((e) => e.id)).toEqual(expected.map((e) => e.id).slice(0, seen.length));
        expect(labels(seen.filter((e) => e.stream === stream))).toEqual([
          'old-0',
          'old-1',
          'old-2',
          ...Array.from({ length: 20 }, (_, i) => `new-${i}`),
        ]);
        expect(live).toBe(true);
      });

      it('resubscribes from its last position after a drop, without gaps or duplicates', async () => {
        const start = await appendLabels(uniqueStream(), ['marker']);
        const stream = uniqueStream();
        const handled: string[] = [];
        const drops: unknown[] = [];
        let failOnce = true;
        const subscription = store.subscribeToAll(
          async (batch) => {
            for (const event of batch) {
              if (event.stream !== stream) continue;
              if (event.data.label === 'e3' && failOnce) {
                failOnce = false;
                throw new Error('connection dropped');
              }
            }
            handled.push(...batch.filter((e) => e.stream === stream).map((e) => e.data.label as string));
          },
          { after: start.position, onDrop: (error) => drops.push(error) },
        );
        await appendLabels(stream, ['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
        await waitFor(() => handled.length >= 6, 'six handled events');
        await subscription.stop();
        expect(handled).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
        expect(drops).toHaveLength(1);
      });

      it('sees appends made by another process on the same store', async () => {
        const start = await appendLabels(uniqueStream(), ['marker']);
        const stream = uniqueStream();
        const seen: string[] = [];
        const subscription = store.subscribeToAll(
          async (batch) => {
            seen.push(...batch.filter((e) => e.stream === stream).map((e) => e.data.label as string));
          },
          { after: start.position },
        );
        const child = spawnTs(CHILD, [JSON.stringify(config), stream, '3']);
        const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
        await waitFor(() => seen.length >= 3, 'three events from the other process', 20_000);
        await subscription.stop();
        expect(await exit).toBe(0);
        expect(seen).toEqual(['child-0', 'child-1', 'child-2']);
      });
    });

    describe('durability', () => {
      it('keeps every acknowledged append when the writing process is killed', async () => {
        const stream = uniqueStream();
        const child = spawnTs(CHILD, [JSON.stringify(config), stream, '100000']);
        const acked: number[] = [];
        child.stdout!.on('data', (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) {
            const match = /^acked (\d+)/.exec(line);
            if (match) acked.push(Number(match[1]));
          }
          if (acked.length >= 20) child.kill('SIGKILL');
        });
        await new Promise((resolve) => child.on('exit', resolve));
        expect(acked.length).toBeGreaterThanOrEqual(20);
        const reopened = createEventStore(config);
        extraStores.push(reopened);
        const events = await reopened.readStream(stream);
        expect(events.length).toBeGreaterThanOrEqual(acked.length);
        expect(findChainBreak(events)).toBeUndefined();
      });
    });
  });
}
