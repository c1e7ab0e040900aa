import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite-event-store';
import { IntegrityFailureError } from '../integrity/integrity-errors';
import { IntegrityMonitor } from '../integrity/integrity-monitor';
import { SqliteKeyStore } from '../personal-data/sqlite-key-store';
import { EventLog } from './event-log';
import { EventMetadata } from './event-metadata';
import { EventSealer } from './event-sealer';

const EVENTS = 2_300;
const metadata: EventMetadata = {
  actor: 'fasil-1',
  role: 'facilitator',
  commandId: 'cmd-1',
  requestDigest: 'digest',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  occurredAt: '2026-11-27T01:00:00.000Z',
};

describe('reading a stream up to a moment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-event-log-'));
  const file = join(dir, 'events.sqlite');
  const store = new SqliteEventStore(file);
  const keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
  const integrity = new IntegrityMonitor();
  const log = new EventLog(store, new EventSealer(keys, () => []), integrity);
  afterAll(async () => Promise.all([store.close(), keys.close()]));

  beforeAll(async () => {
    const events = Array.from({ length: EVENTS }, (_, i) => ({ type: 'Noted', data: { i } }));
    // Event ids derive from the command: one command per batch.
    for (let i = 0; i < EVENTS; i += 500)
      await log.append('notes-1', events.slice(i, i + 500), i === 0 ? 'no_stream' : i - 1, {
        ...metadata,
        commandId: `cmd-${i}`,
      });
  });

  it('reads the first events while the condition holds, across pages, as the whole read has them', async () => {
    const whole = await log.read('notes-1');
    const prefix = await log.read('notes-1', (event) => event.revision < 1_700);
    expect(prefix).toHaveLength(1_700);
    expect(prefix).toEqual(whole.slice(0, 1_700));
    expect(await log.read('notes-1', () => false)).toEqual([]);
  });

  it('verifies the prefix it returns, and neither verifies nor clears what lies after it', async () => {
    const db = new Database(file);
    db.prepare("UPDATE events SET data = '{\"i\":-1}' WHERE stream = 'notes-1' AND revision = 2000").run();
    db.close();
    await expect(log.read('notes-1')).rejects.toBeInstanceOf(IntegrityFailureError);
    expect(integrity.problems()).toMatchObject([
      { kind: 'integrity_failure', stream: 'notes-1', revision: 2000 },
    ]);
    expect(await log.read('notes-1', (event) => event.revision < 2_000)).toHaveLength(2_000);
    expect(integrity.problems()).toHaveLength(1);
    await expect(log.read('notes-1', (event) => event.revision <= 2_000)).rejects.toBeInstanceOf(
      IntegrityFailureError,
    );
  });
});
