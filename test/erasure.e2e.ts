import Database from 'better-sqlite3';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveClient } from '../src/live/testing/live-client';
import { decodeChangeBody } from '../src/platform/document-store/change-body-codec';
import { findChainBreak } from '../src/platform/event-store/event-hash';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { RecordedEvent } from '../src/platform/event-store/stored-event';
import { ApiClient, ApiResponse } from './support/api-client';
import { ChildApp } from './support/child-app';
import { codesSentTo } from './support/outbox';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { waitFor } from './support/wait-for';

const PASSWORD = 'rumah di tepi sungai';
const hex = randomBytes(4).toString('hex');
const digits = String(randomInt(10_000_000, 99_999_999));

// Marker strings, each unique to this run: none may survive the erasure anywhere.
const phone = {
  entered: `0812-${digits.slice(0, 4)}-${digits.slice(4)}`,
  e164: `+62812${digits}`,
  digits: `62812${digits}`,
};
const email = { entered: `Dewi.${hex}@Penanda.ID`, normal: `dewi.${hex}@penanda.id` };
const names = { siti: `Siti Ñurjanah ${hex}`, dewi: `Dewi Penanda ${hex}` };

type Phase = 'before' | 'after';

/** Every byte of every file under the data folder (SQLite's -wal and -shm included), by relative path. */
function filesOf(dataDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dataDir, { recursive: true }) as string[]) {
    const path = join(dataDir, entry);
    if (statSync(path).isFile()) files.set(entry, readFileSync(path));
  }
  return files;
}

/** Which markers occur in which files, as raw UTF-8 bytes. */
function markersInFiles(dataDir: string, markers: readonly string[]): string[] {
  return [...filesOf(dataDir)].flatMap(([file, bytes]) =>
    markers.filter((marker) => bytes.includes(Buffer.from(marker, 'utf8'))).map((m) => `${m} in ${file}`),
  );
}

/** A stored BLOB as text: change bodies are stored deflated (change-body-codec.ts). */
const blobText = (value: unknown) => {
  if (!Buffer.isBuffer(value)) return value;
  try {
    return decodeChangeBody(value);
  } catch {
    return value.toString('latin1');
  }
};

/** Every row of every table of the read models, as text (deflated bodies inflated). */
function readModelRows(dataDir: string): string {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all();
    const rows = (name: string) => db.prepare<[], object>(`SELECT * FROM "${name}"`).all();
    return tables
      .map(({ name }) => JSON.stringify(rows(name).map((row) => Object.values(row).map(blobText))))
      .join('\n');
  } finally {
    db.close();
  }
}

const found = (text: string, markers: readonly string[]) => markers.filter((marker) => text.includes(marker));

describe('right to erasure: planted markers are found nowhere afterwards (e2e, real process)', () => {
  let dataDir: string;
  let child: ChildApp;
  let api: ApiClient;
  let phase: Phase = 'before';
  const responses: Array<{ phase: Phase; request: string; body: unknown }> = [];
  const frames: Array<{ phase: Phase; event: string; args: unknown[] }> = [];
  const clients: LiveClient[] = [];

  /** A request whose answer is kept, to be searched for markers. */
  async function call(method: string, path: string, token?: string, body?: unknown): Promise<ApiResponse> {
    const response = await api.send(method, path, { token, body });
    responses.push({ phase, request: `${method} ${path}`, body: response.body });
    return response;
  }
  const ok = async (response: Promise<ApiResponse>) => {
    const answered = await response;
    if (answered.status >= 300) throw new Error(`Refused: ${JSON.stringify(answered.body)}`);
    return answered.body;
  };

  /** A live client whose every frame (and acknowledgement) is kept, to be searched for markers. */
  async function follow(token: string | undefined, topics: string[], since?: string): Promise<LiveClient> {
    const client = await LiveClient.connect(api.baseUrl, { token });
    clients.push(client);
    client.socket.onAny((event: string, ...args: unknown[]) => frames.push({ phase, event, args }));
    for (const topic of topics) {
      const ack = await client.subscribe(topic, since);
      frames.push({ phase, event: 'ack', args: [ack] });
      if (!ack.ok) throw new Error(`Not subscribed to ${topic}: ${JSON.stringify(ack)}`);
    }
    return client;
  }

  async function signedUp(login: string, address: string, displayName: string) {
    const field = login.includes('@') ? 'email' : 'phone';
    await ok(call('POST', '/api/accounts', undefined, { [field]: login, displayName, password: PASSWORD }));
    const [code] = codesSentTo(dataDir, address);
    await ok(call('POST', '/api/accounts/confirmations', undefined, { login, code }));
    const session = await ok(call('POST', '/api/sessions', undefined, { login, password: PASSWORD }));
    const { sub } = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());
    return { token: session.accessToken as string, actorId: sub as string };
  }

  let siti: { token: string; actorId: string };
  let dewi: { token: string; actorId: string };
  let markers: string[];
  let named: string;
  let anonymous: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'suara-erasure-'));
    child = new ChildApp([], {
      // The embedded stores, whatever the run's MONGO_URL: this test reads every byte of the data folder.
      MONGO_URL: '',
      DATA_DIR: dataDir,
      SUARA_DEV_TOKENS: 'true',
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      SUARA_RATE_LIMITS: 'off',
    });
    api = new ApiClient(await child.url());
    await child.logged('projecting');
    await registerKatinganAgencies(api);

    siti = await signedUp(phone.entered, phone.e164, names.siti);
    dewi = await signedUp(email.entered, email.normal, names.dewi);
    markers = [...Object.values(phone), ...Object.values(email), ...Object.values(names)];
    markers.push(siti.actorId, dewi.actorId);

    const facilitator = await api.tokenFor('fasil-1', 'facilitator');
    const official = await api.tokenFor('pupr-1', 'official:dinas-pupr');
    await follow(undefined, ['feed']);
    named = (await ok(call('POST', '/api/aspirations', siti.token, roadComplaint()))).id;
    const anonymousComplaint = roadComplaint({ title: 'Lampu jalan padam', anonymous: true });
    anonymous = (await ok(call('POST', '/api/aspirations', dewi.token, anonymousComplaint))).id;
    await follow(siti.token, [`aspiration:${named}`]);
    await follow(facilitator, [`aspiration:${named}`, 'agency:dinas-pupr']);
    for (const id of [named, anonymous]) await ok(call('POST', `/api/aspirations/${id}/verify`, facilitator));
    await ok(call('POST', `/api/aspirations/${named}/assign`, facilitator));
    const answer = { body: 'Tim kami meninjau lokasi hari Senin.' };
    await ok(call('POST', `/api/aspirations/${named}/responses`, official, answer));
    const reply = { body: 'Terima kasih, lubang terbesar di depan sekolah.' };
    await ok(call('POST', `/api/aspirations/${named}/replies`, siti.token, reply));
    await ok(call('POST', `/api/aspirations/${named}/endorsements`, dewi.token));
    const last = await ok(call('POST', `/api/aspirations/${anonymous}/endorsements`, siti.token));
    await ok(call('GET', `/api/aspirations/${named}?minPosition=${last.position}`));
  }, 120_000);

  afterAll(async () => {
    clients.forEach((client) => client.close());
    child?.kill();
  });

  it('finds the markers before the erasure where plaintext is kept today, so the search can fail', () => {
    const before = JSON.stringify(responses.filter((r) => r.phase === 'before'));
    expect(found(before, [siti.actorId])).toEqual([siti.actorId]);
    expect(found(readModelRows(dataDir), [siti.actorId])).toEqual([siti.actorId]);
    const inFiles = markersInFiles(dataDir, markers).join('\n');
    for (const marker of [phone.e164, email.normal, siti.actorId, dewi.actorId])
      expect(inFiles).toContain(marker);
  });

  describe('after both people erase themselves', () => {
    beforeAll(async () => {
      phase = 'after';
      const token = { siti: siti.token, dewi: dewi.token };
      for (const who of ['siti', 'dewi'] as const) {
        const erased = await call('DELETE', '/api/me', token[who], { password: PASSWORD });
        // 204 when done within the request; 202 on a machine too busy to project it in 5 s, the sweep then finishes.
        expect([204, 202]).toContain(erased.status);
      }
      const completions = () =>
        child.logs.filter((line) => /^Erasure at position \d+ is complete$/.test(line.msg));
      await waitFor(() => completions().length === 2, 'both erasures to complete', 30_000);
      // The thread goes on: new frames, and a client that resumes from the start reads the whole change log.
      const official = await api.tokenFor('pupr-1', 'official:dinas-pupr');
      const later = { body: 'Penambalan dijadwalkan minggu depan.' };
      const { position } = await ok(call('POST', `/api/aspirations/${named}/responses`, official, later));
      const facilitator = await api.tokenFor('fasil-1', 'facilitator');
      const resumed = await follow(
        facilitator,
        [`aspiration:${named}`, `aspiration:${anonymous}`, 'feed'],
        '0',
      );
      await resumed.until(
        () =>
          resumed.changes.some(
            (change) => change.topic === `aspiration:${named}` && change.position === position,
          ),
        'the new response to reach a client resuming from the start',
      );
    }, 60_000);

    it('shows each person as erased in the thread, which still reads and still verifies', async () => {
      const detail = (await call('GET', `/api/aspirations/${named}`)).body.aspiration;
      expect(detail).toMatchObject({ submittedBy: null, submitterErased: true });
      const erasedActor = { id: null, role: 'citizen', erased: true };
      expect(detail.messages.map((m: { actor: unknown }) => m.actor)).toEqual([
        erasedActor,
        { id: 'pupr-1', role: 'official:dinas-pupr' },
        erasedActor,
        { id: 'pupr-1', role: 'official:dinas-pupr' },
      ]);
      const auditor = await api.tokenFor('inspektorat-1', 'auditor');
      for (const id of [named, anonymous]) {
        const history = await call('GET', `/api/aspirations/${id}/history`, auditor);
        expect(history.status).toBe(200);
        expect(history.body.events[0].erased).toEqual(
          expect.arrayContaining(['data.submittedBy', 'metadata.actor']),
        );
      }
      const health = await call('GET', '/api/health');
      expect(health.body).toMatchObject({ status: 'ok', problems: [] });
    });

    it('answers every read without a marker: threads, lists, history, my aspirations, inbox, statistics', async () => {
      const facilitator = await api.tokenFor('fasil-1', 'facilitator');
      const official = await api.tokenFor('pupr-1', 'official:dinas-pupr');
      const auditor = await api.tokenFor('inspektorat-1', 'auditor');
      for (const token of [undefined, facilitator, official, auditor, siti.token, dewi.token]) {
        for (const id of [named, anonymous]) {
          await call('GET', `/api/aspirations/${id}`, token);
          await call('GET', `/api/aspirations/${id}/history`, token);
        }
        await call('GET', '/api/aspirations', token);
        await call('GET', '/api/aspirations?q=jalan&sort=endorsed', token);
      }
      for (const token of [siti.token, dewi.token]) {
        const mine = await call('GET', '/api/me/aspirations', token);
        expect(mine.body.items).toEqual([]);
      }
      await call('GET', '/api/agencies/dinas-pupr/inbox', official);
      await call('GET', '/api/statistics');
      const after = responses.filter((response) => response.phase === 'after');
      expect(after.length).toBeGreaterThan(30);
      expect(found(JSON.stringify(after), markers)).toEqual([]);
    });

    it('sends no marker in any live frame after the erasure, the replayed change log included', () => {
      const after = frames.filter((frame) => frame.phase === 'after');
      expect(after.some((frame) => frame.event === 'change')).toBe(true);
      expect(found(JSON.stringify(after), markers)).toEqual([]);
    });

    it('keeps no marker in any read-model document or change-log entry', () => {
      expect(found(readModelRows(dataDir), markers)).toEqual([]);
    });

    it('has written no marker to any log line, before or after', () => {
      expect(child.logs.length).toBeGreaterThan(50);
      expect(child.logs.some((line) => line.msg === 'request')).toBe(true);
      expect(found(JSON.stringify(child.logs) + child.stderr, markers)).toEqual([]);
    });

    it('leaves no marker in any byte of the data folder, write-ahead logs included, running and stopped', async () => {
      expect(readdirSync(dataDir).some((file) => file.endsWith('-wal'))).toBe(true);
      expect(markersInFiles(dataDir, markers)).toEqual([]);
      child.signal('SIGTERM');
      expect(await child.exited()).toEqual({ code: 0, signal: null });
      expect(markersInFiles(dataDir, markers)).toEqual([]);
      expect(found(JSON.stringify(child.logs), markers)).toEqual([]);
    });

    it('still verifies every stream’s hash chain, read from the stopped data folder', async () => {
      const events = new SqliteEventStore(join(dataDir, 'events.sqlite'));
      const streams = new Map<string, RecordedEvent[]>();
      for (const event of await events.readAll())
        streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
      await events.close();
      expect(streams.size).toBeGreaterThan(5);
      expect([...streams].filter(([, stream]) => findChainBreak(stream) !== undefined)).toEqual([]);
    });
  });
});
