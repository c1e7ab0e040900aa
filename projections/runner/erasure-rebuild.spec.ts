import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { accountStream } from '../../src/accounts/domain/account.streams';
import { citizen } from '../../src/aspirations/domain/testing/aspiration.fixtures';
import { personalDataPolicy } from '../../src/personal-data-policy';
import { SqliteDocumentStore } from '../../src/platform/document-store/sqlite-document-store';
import { EventLog } from '../../src/platform/event-log/event-log';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { SqliteEventStore } from '../../src/platform/event-store/sqlite-event-store';
import { ChainVerifier } from '../../src/platform/integrity/chain-verifier';
import { SqliteKeyStore } from '../../src/platform/personal-data/sqlite-key-store';
import {
  checkpointName,
  FIRST_GENERATION,
  physicalCollection,
} from '../../src/platform/read-models/generations';
import { aspirationsProjection as projection } from '../aspirations/aspirations.projection';
import { projectBatch } from './project-batch';
import { rebuild } from './rebuild';
import { changeLog, History, snapshot } from './testing/runner-fixtures';

describe('an erased person in the read model, on the real stores (SQLite)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let keys: SqliteKeyStore;
  let documents: SqliteDocumentStore;
  let log: EventLog;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'suara-erasure-'));
    events = new SqliteEventStore(join(dir, 'events.sqlite'));
    keys = new SqliteKeyStore(join(dir, 'keys.sqlite'));
    documents = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
    log = new EventLog(events, new EventSealer(keys, personalDataPolicy));
  });

  afterEach(async () => {
    await Promise.all([events.close(), keys.close(), documents.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const eraseAccount = (accountId: string) =>
    log.append(
      accountStream(accountId),
      [{ type: 'AccountErased', data: { accountId, erasedAt: '2026-02-01T00:00:00.000Z' } }],
      'no_stream',
      {
        actor: accountId,
        role: 'citizen',
        commandId: randomUUID(),
        requestDigest: 'erasure-spec',
        correlationId: randomUUID(),
        causationId: randomUUID(),
        occurredAt: '2026-02-01T00:00:00.000Z',
      },
    );

  /** Projects the whole log into the first generation in batches of `size`, as the live runner does. */
  async function projectLive(size: number): Promise<void> {
    const all = await events.readAll();
    const target = {
      documents,
      sealer: log.sealer,
      checkpoint: checkpointName(projection.name, FIRST_GENERATION),
      physical: (c: string) => physicalCollection(c, FIRST_GENERATION),
      writeChanges: true,
      verifier: new ChainVerifier(events),
    };
    for (let i = 0; i < all.length; i += size) await projectBatch(projection, all.slice(i, i + size), target);
  }

  it.each([
    ['in a later batch than the threads', 1],
    ['in the same batch as the threads', 1_000],
  ])('leaves the threads a rebuild after the key is gone gives: erasure %s', async (_, batchSize) => {
    const history = new History(log);
    await history.populate(6);
    await eraseAccount(citizen.id);
    await projectLive(batchSize);
    const live = await snapshot(documents, FIRST_GENERATION);
    expect(JSON.stringify(live.threads)).not.toContain(citizen.id);
    expect(live.threads.filter((thread) => thread.submitterErased === true)).toHaveLength(6);

    expect(await keys.erase(citizen.id)).toBe(true);
    const generation = await rebuild(projection, {
      events,
      documents,
      sealer: log.sealer,
      logger: pino({ level: 'silent' }),
      holder: 'erasure-spec',
    });
    expect(await snapshot(documents, generation)).toEqual(live);
    // Written before the erasure, the change log still names the person until the erasure purges it.
    const payloads = (await changeLog(documents)).map((change) => change.payloads);
    expect(JSON.stringify(payloads)).toContain(citizen.id);
  });
});
