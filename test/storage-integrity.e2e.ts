import { aspirationsProjection } from '../projections/aspirations/aspirations.projection';
import { rebuild } from '../projections/runner/rebuild';
import { aspirationStream } from '../src/aspirations/domain/aspiration.streams';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE } from '../src/platform/event-store/event-store.port';
import { IntegrityFailureError } from '../src/platform/integrity/integrity-errors';
import pino from 'pino';
import { ApiClient } from './support/api-client';
import { backUp, remove, restore, withEventsTable } from './support/data-folder';
import { actors, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

/** The embedded stores, whatever the run's MONGO_URL: this test reads (or replaces) the data folder's files. */
const startEmbedded = (dataDir: string) => startTestApp(dataDir, undefined, embeddedConfig(dataDir));

const EDITED_TITLE = 'Jalan sudah mulus, tidak ada masalah';

/** Submits aspirations and waits until the read model shows the last one. */
async function submitAll(api: ApiClient, titles: string[], who: 'warga' | 'tetangga' = 'warga') {
  const as = actors(api);
  const submitted: Array<{ id: string; position: string }> = [];
  for (const title of titles) {
    const response = await as[who].post('/api/aspirations', roadComplaint({ title }));
    if (response.status !== 201) throw new Error(`submit: ${JSON.stringify(response.body)}`);
    submitted.push(response.body);
  }
  const last = submitted[submitted.length - 1];
  const seen = await as.auditor.get(`/api/aspirations/${last.id}?minPosition=${last.position}`);
  if (seen.status !== 200) throw new Error(`not projected: ${JSON.stringify(seen.body)}`);
  return submitted;
}

const firstEventRow = (dataDir: string, id: string) =>
  withEventsTable(dataDir, (db) =>
    db
      .prepare<[string], { position: number; data: string }>(
        'SELECT position, data FROM events WHERE stream = ? AND revision = 0',
      )
      .get(aspirationStream(id))!,
  );

const rewriteData = (dataDir: string, position: number, data: string) =>
  withEventsTable(dataDir, (db) =>
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(data, position),
  );

describe('storage integrity at run time (e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp;
  let api: ApiClient;
  let edited: { id: string; position: string };
  let flipped: { id: string; position: string };
  let untouched: { id: string; position: string };

  beforeAll(async () => {
    running = await startEmbedded(dataDir);
    [edited, flipped, untouched] = await submitAll(new ApiClient(running.url), [
      'Jalan rusak di Kasongan Baru',
      'Lampu jalan padam di Tumbang Lahang',
      'Jembatan kayu lapuk di Kasongan Lama',
    ]);
    await running.close();
    const editedRow = firstEventRow(dataDir, edited.id);
    rewriteData(
      dataDir,
      editedRow.position,
      JSON.stringify({ ...JSON.parse(editedRow.data), title: EDITED_TITLE }),
    );
    const flippedRow = firstEventRow(dataDir, flipped.id);
    const bytes = Buffer.from(flippedRow.data);
    bytes[bytes.indexOf('Lampu')] ^= 0x20; // one bit: 'L' becomes 'l'
    rewriteData(dataDir, flippedRow.position, bytes.toString());
    // The read models start over from the first event, as a rebuild would: they must not adopt the edit.
    remove(dataDir, 'read-models.sqlite');
    running = await startEmbedded(dataDir);
    api = new ApiClient(running.url);
  });
  afterAll(() => running.close());

  it('answers 503 to commands and history reads on an edited or bit-flipped stream, naming nothing secret', async () => {
    const as = actors(api);
    for (const { id } of [edited, flipped]) {
      const command = await as.fasilitator.post(`/api/aspirations/${id}/verify`);
      const history = await as.auditor.get(`/api/aspirations/${id}/history`);
      for (const response of [command, history]) {
        expect(response.status).toBe(503);
        expect(response.body.code).toBe('integrity_failure');
        expect(JSON.stringify(response.body)).not.toMatch(/Jalan|Lampu|lampu/);
      }
    }
  });

  it('keeps other streams working', async () => {
    const as = actors(api);
    expect((await as.fasilitator.post(`/api/aspirations/${untouched.id}/verify`)).status).toBe(200);
    expect((await as.auditor.get(`/api/aspirations/${untouched.id}/history`)).status).toBe(200);
  });

  it('turns health degraded naming the broken stream and position, and the stalled projection', async () => {
    await actors(api).auditor.get(`/api/aspirations/${edited.id}/history`);
    const health = await actors(api).auditor.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    // Without a token only the kinds show: stream names and positions are for operators' roles.
    const anonymous = await api.send('GET', '/api/health');
    expect(anonymous.body.problems).toContainEqual({ kind: 'integrity_failure' });
    expect(JSON.stringify(anonymous.body)).not.toContain(aspirationStream(edited.id));
    expect(health.body.problems).toContainEqual(
      expect.objectContaining({
        kind: 'integrity_failure',
        stream: aspirationStream(edited.id),
        position: String(firstEventRow(dataDir, edited.id).position),
      }),
    );
    await waitFor(async () => {
      const ready = await api.send('GET', '/api/health/ready');
      return (
        ready.status === 503 &&
        ready.body.problems.some(
          (p: { kind: string; projection?: string }) =>
            p.kind === 'projection_stalled' && p.projection === 'aspirations',
        )
      );
    }, 'readiness naming the stalled projection');
  });

  it('never adopts the edited content into the read model, and a rebuild refuses it', async () => {
    const thread = await actors(api).auditor.get(`/api/aspirations/${edited.id}`);
    expect(JSON.stringify(thread.body)).not.toContain(EDITED_TITLE);
    const deps = {
      events: running.app.get(EVENT_STORE),
      documents: running.app.get(DOCUMENT_STORE),
      sealer: running.app.get(EventLog).sealer,
      logger: pino({ level: 'silent' }),
      holder: 'rebuild-test',
    };
    await expect(rebuild(aspirationsProjection, deps)).rejects.toBeInstanceOf(IntegrityFailureError);
  });
});

describe('a missing or older key store (e2e)', () => {
  it('refuses to start when the key store is gone but the log holds sealed personal data', async () => {
    const dataDir = freshDataDir();
    const running = await startEmbedded(dataDir);
    await submitAll(new ApiClient(running.url), ['Jalan rusak di Kasongan Baru']);
    await running.close();
    remove(dataDir, 'keys.sqlite');
    await expect(startEmbedded(dataDir)).rejects.toThrow(/key store/i);
  });

  it('answers 503 key_missing for a stream whose key an older key store copy lacks, never a null submitter', async () => {
    const dataDir = freshDataDir();
    let running = await startEmbedded(dataDir);
    let api = new ApiClient(running.url);
    const [kept] = await submitAll(api, ['Jalan rusak di Kasongan Baru'], 'warga');
    const backup = backUp(dataDir, 'keys.sqlite');
    const [lost] = await submitAll(api, ['Lampu jalan padam di Tumbang Lahang'], 'tetangga');
    await running.close();
    restore(dataDir, 'keys.sqlite', backup);
    running = await startEmbedded(dataDir);
    try {
      api = new ApiClient(running.url);
      const as = actors(api);
      const history = await as.auditor.get(`/api/aspirations/${lost.id}/history`);
      expect(history.status).toBe(503);
      expect(history.body.code).toBe('key_missing');
      expect((await as.fasilitator.post(`/api/aspirations/${lost.id}/verify`)).status).toBe(503);
      const keptHistory = await as.auditor.get(`/api/aspirations/${kept.id}/history`);
      expect(keptHistory.status).toBe(200);
      expect(keptHistory.body.events[0].data.submittedBy).toBe('warga-1');
      const health = await as.auditor.get('/api/health/ready');
      expect(health.status).toBe(503);
      expect(health.body.problems).toContainEqual(
        expect.objectContaining({ kind: 'key_missing', stream: aspirationStream(lost.id) }),
      );
    } finally {
      await running.close();
    }
  });
});
