import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEvent } from '../event-store/event-hash';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { RecordedEvent } from '../event-store/stored-event';
import { testEvent } from '../event-store/testing/test-events';
import { ChainVerifier } from './chain-verifier';

describe('verifying events met in global order', () => {
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'suara-verifier-')), 'events.sqlite'));
  afterAll(() => store.close());

  async function stream(name: string, count: number): Promise<RecordedEvent[]> {
    await store.append(
      name,
      Array.from({ length: count }, (_, i) => testEvent(`${name}-${i}`)),
      'no_stream',
    );
    return store.readStream(name);
  }

  /** An event whose stored hash was recomputed after an edit: its own hash verifies, only its successor's link fails. */
  const rehashed = (event: RecordedEvent, data: Record<string, unknown>): RecordedEvent => {
    const edited = { ...event, data };
    return { ...edited, hash: hashEvent(edited) };
  };

  it('passes an intact log, whole or from the middle of a stream', async () => {
    const events = await stream('intact', 4);
    expect(await new ChainVerifier(store).firstBreak(events)).toBeUndefined();
    expect(await new ChainVerifier(store).firstBreak(events.slice(2))).toBeUndefined();
  });

  it('names an edited event by its own hash, and lets the events before it through', async () => {
    const events = await stream('edited', 3);
    const batch = [events[0], { ...events[1], data: { label: 'edited' } }, events[2]];
    const broken = await new ChainVerifier(store).firstBreak(batch);
    expect(broken?.index).toBe(1);
    expect(broken?.error.failure).toEqual({
      stream: 'edited',
      position: events[1].position,
      revision: 1,
      reason: 'hash_mismatch',
    });
  });

  it('catches a re-hashed event at the link of its successor', async () => {
    const events = await stream('relinked', 3);
    const batch = [events[0], rehashed(events[1], { label: 'forged' }), events[2]];
    const broken = await new ChainVerifier(store).firstBreak(batch);
    expect(broken?.error.failure).toMatchObject({ revision: 2, reason: 'previous_hash_mismatch' });
  });

  it('reads the predecessor once when the batch starts mid-stream, and checks the link to it', async () => {
    const events = await stream('mid-stream', 3);
    const forgedStart = { ...rehashed(events[2], events[2].data), previousHash: 'f'.repeat(64) };
    const forged = { ...forgedStart, hash: hashEvent(forgedStart) };
    const broken = await new ChainVerifier(store).firstBreak([forged]);
    expect(broken?.error.failure).toMatchObject({ revision: 2, reason: 'previous_hash_mismatch' });
  });

  it('still checks links after the bounded map forgot a stream', async () => {
    const [a, b] = await Promise.all([stream('evicted-a', 2), stream('evicted-b', 2)]);
    const verifier = new ChainVerifier(store, 1);
    expect(await verifier.firstBreak([a[0], b[0], b[1], a[1]])).toBeUndefined();
    const forged = { ...a[1], previousHash: b[1].hash };
    const broken = await verifier.firstBreak([{ ...forged, hash: hashEvent(forged) }]);
    expect(broken?.error.failure).toMatchObject({ stream: 'evicted-a', reason: 'previous_hash_mismatch' });
  });
});
