import { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { snapshot } from '../projections/runner/testing/runner-fixtures';
import { ASPIRATIONS_PROJECTION } from '../src/aspirations/read-models/thread.document';
import { DocumentStore } from '../src/platform/document-store/document-store.port';
import { SqliteDocumentStore } from '../src/platform/document-store/sqlite-document-store';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import {
  checkpointName,
  FIRST_GENERATION,
  pendingRebuildAlias,
} from '../src/platform/read-models/generations';
import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';
import { waitFor } from './support/wait-for';

const PREVIOUS = `${ASPIRATIONS_PROJECTION}#previous`;
const CHILD_DEADLINE_MS = 60_000;

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Waits for a child to end; one still running at the deadline is killed and the wait fails. */
function exitOf(child: ChildProcess): Promise<Exit> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the rebuild did not end within ${CHILD_DEADLINE_MS} ms:\n${stderr}`));
    }, CHILD_DEADLINE_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stderr });
    });
  });
}

/** `npm run projections:rebuild -- aspirations` on the embedded stores of a data folder, as its own process. */
const rebuildCli = (dataDir: string, crashAfterEvents?: number) =>
  exitOf(
    spawnTs('projections/rebuild-cli.ts', [ASPIRATIONS_PROJECTION], {
      DATA_DIR: dataDir,
      // The data folder's own embedded stores, whatever servers the test run itself was given.
      MONGO_URL: undefined,
      EVENTSTORE_URL: undefined,
      SUARA_CRASH_AFTER_EVENTS: crashAfterEvents === undefined ? undefined : String(crashAfterEvents),
    }),
  );

async function withReadModels<T>(dataDir: string, use: (store: DocumentStore) => Promise<T>): Promise<T> {
  const store = new SqliteDocumentStore(join(dataDir, 'read-models.sqlite'));
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function ok(request: Promise<ApiResponse>, what: string): Promise<ApiResponse> {
  const response = await request;
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/** 30 aspirations, each taken to one of ten points of its lifecycle, with endorsements. */
async function driveHistory(api: ApiClient): Promise<void> {
  await registerKatinganAgencies(api);
  const as = actors(api);
  const neighbour = api.as('warga-3', 'citizen');
  const official = (agencyId: string) => (agencyId === 'dinas-pupr' ? as.pupr : as.dishub);
  for (let i = 0; i < 30; i++) {
    const stage = i % 10;
    const onBehalf = i >= 10 && (stage === 1 || stage === 3);
    const complaint = roadComplaint({
      title: `Aspirasi ${i}: ${i % 3 === 2 ? 'angkutan desa tidak lewat' : 'jalan rusak'}`,
      category: i % 3 === 2 ? 'perhubungan' : 'infrastruktur',
      visibility: i % 7 === 6 ? 'confidential' : 'public',
      anonymous: i % 5 === 4,
      ...(onBehalf && { onBehalfOf: { name: `Ibu Warga ${i}`, contact: '0812-0000-1111' } }),
    });
    const submitted = await ok(
      (onBehalf ? as.fasilitator : as.warga).post('/api/aspirations', complaint),
      'submit',
    );
    const at = (verb: string) => `/api/aspirations/${submitted.body.id}/${verb}`;
    let agency = i % 3 === 2 ? 'dinas-perhubungan' : 'dinas-pupr';
    if (stage === 0) continue;
    if (stage === 2) {
      await ok(as.fasilitator.post(at('reject'), { reason: 'Bukan kewenangan daerah' }), 'reject');
      continue;
    }
    await ok(as.fasilitator.post(at('verify')), 'verify');
    if (complaint.visibility === 'public') {
      await ok(as.tetangga.post(at('endorsements')), 'endorse');
      if (i % 4 === 0) await ok(neighbour.post(at('endorsements')), 'endorse');
      if (i % 8 === 0) await ok(as.tetangga.delete(at('endorsements')), 'withdraw');
    }
    if (stage < 3) continue;
    await ok(as.fasilitator.post(at('assign')), 'assign');
    if (stage === 4) {
      const to = agency === 'dinas-pupr' ? 'dinas-perhubungan' : 'dinas-pupr';
      await ok(
        official(agency).post(at('forward'), { toAgencyId: to, reason: 'Bukan tugas kami' }),
        'forward',
      );
      agency = to;
    }
    if (stage < 5) continue;
    await ok(
      official(agency).post(at('responses'), { body: `Tanggapan ${i}: tim akan meninjau.` }),
      'respond',
    );
    if (stage >= 6) {
      const reply = await ok(as.warga.post(at('replies'), { body: 'Terima kasih, kami tunggu.' }), 'reply');
      if (stage === 6)
        await ok(
          as.fasilitator.post(at(`messages/${reply.body.messageId}/hide`), { reason: 'Tidak pantas' }),
          'hide',
        );
    }
    if (stage < 7) continue;
    await ok(official(agency).post(at('resolve'), { summary: `Selesai ${i}.` }), 'resolve');
    if (stage === 8) {
      await ok(as.warga.post(at('rating'), { rating: 1 + (i % 5), comment: 'Cukup baik' }), 'rate');
      await ok(as.warga.post(at('close')), 'close');
    }
    if (stage === 9) {
      await ok(as.warga.post(at('reopen'), { reason: 'Rusak lagi setelah hujan.' }), 'reopen');
      await ok(official(agency).post(at('responses'), { body: 'Kami perbaiki ulang.' }), 'respond again');
    }
  }
}

describe('rebuilding a read model from the event log (e2e)', () => {
  let dataDir: string;
  afterAll(() => dataDir && rmSync(dataDir, { recursive: true, force: true }));

  it('survives a kill midway, resumes, swaps, and a fresh rebuild gives the very same documents', async () => {
    // The embedded stores, whatever the run's MONGO_URL: the rebuild CLI and this test read the data folder's files.
    const folder = freshDataDir();
    const running = await startTestApp(folder, undefined, embeddedConfig(folder));
    dataDir = running.config.dataDir;
    const api = new ApiClient(running.url);
    await driveHistory(api);
    await waitFor(async () => {
      const health = await api.send('GET', '/api/health');
      return health.body.projections[ASPIRATIONS_PROJECTION].lag === '0';
    }, 'the live projection to catch up');
    await running.close();

    const events = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const total = (await events.readAll()).length;
    const head = (await events.headPosition())!;
    await events.close();
    expect(total).toBeGreaterThan(150);
    const live = await withReadModels(dataDir, (store) => snapshot(store, FIRST_GENERATION));
    expect(live.threads).toHaveLength(30);

    // Killed (SIGKILL, no clean-up) right after half of the events are committed.
    const crashAfter = Math.floor(total / 2);
    const killed = await rebuildCli(dataDir, crashAfter);
    expect({ code: killed.code, signal: killed.signal }).toEqual({ code: null, signal: 'SIGKILL' });
    const pending = await withReadModels(dataDir, async (store) => {
      const generation = (await store.alias(pendingRebuildAlias(ASPIRATIONS_PROJECTION)))!;
      expect(await store.alias(ASPIRATIONS_PROJECTION)).toBeUndefined(); // still serving the first generation
      const checkpoint = (await store.checkpoint(checkpointName(ASPIRATIONS_PROJECTION, generation)))!;
      expect(checkpoint > 0n && checkpoint < head).toBe(true);
      return generation;
    });

    const resumed = await rebuildCli(dataDir);
    expect(resumed).toMatchObject({ code: 0, signal: null });
    expect(resumed.stderr).toContain(`Rebuilt ${ASPIRATIONS_PROJECTION} into generation ${pending}`);
    const first = await withReadModels(dataDir, async (store) => {
      expect(await store.alias(ASPIRATIONS_PROJECTION)).toBe(pending);
      expect(await store.alias(PREVIOUS)).toBe(FIRST_GENERATION);
      expect(await store.checkpoint(checkpointName(ASPIRATIONS_PROJECTION, pending))).toBe(head);
      return snapshot(store, pending);
    });

    const fresh = await rebuildCli(dataDir);
    expect(fresh).toMatchObject({ code: 0, signal: null });
    const second = await withReadModels(dataDir, async (store) => {
      const generation = (await store.alias(ASPIRATIONS_PROJECTION))!;
      expect(generation).not.toBe(pending);
      expect(await store.alias(PREVIOUS)).toBe(pending);
      // Only one old generation is kept: the first one is gone.
      expect(await snapshot(store, FIRST_GENERATION)).toEqual({ threads: [], statistics: [] });
      return snapshot(store, generation);
    });

    expect(second).toStrictEqual(first);
    expect(first).toStrictEqual(live);
  }, 180_000);
});
