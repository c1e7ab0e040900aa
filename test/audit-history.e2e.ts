import { ApiClient, ApiResponse } from './support/api-client';
import { signIn } from './support/accounts';
import { codesSentTo } from './support/outbox';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const PHONE = '0812-3456-7890';
const PHONE_E164 = '+6281234567890';
const NAME = 'Siti Rahmawati Kasongan';
const PASSWORD = 'rumah panggung di tepi sungai';

interface Entry {
  position: string;
  stream: string;
  category: string;
  revision: number;
  recordedAt: string;
  type: string;
  actor: { id: string | null; role: string };
  data: Record<string, unknown>;
  sealed: string[];
  hash: string;
  previousHash: string | null;
  trace?: unknown;
}

describe('the log’s history: every stream for auditors, published aspirations for everyone (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let accountId: string;
  const ids = {} as Record<'published' | 'anonymous' | 'unverified' | 'confidential', string>;

  /** Every page of the log for a query, following `next` to the head. */
  async function wholeLog(query: string, get: (path: string) => Promise<ApiResponse>): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (let after = ''; ;) {
      const page = await get(`/api/audit/events?limit=7&${query}${after}`);
      expect(page.status).toBe(200);
      entries.push(...page.body.events);
      if (page.body.next === null) return entries;
      after = `&after=${page.body.next}`;
    }
  }
  const publicly = (path: string) => api.send('GET', path);
  const auditor = (path: string) => as.auditor.get(path);

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    await api.send('POST', '/api/accounts', {
      body: { phone: PHONE, displayName: NAME, password: PASSWORD },
    });
    const [code] = codesSentTo(running.config.dataDir, PHONE_E164);
    await api.send('POST', '/api/accounts/confirmations', { body: { login: PHONE, code } });
    accountId = (await signIn(api, PHONE, PASSWORD)).accountId;

    const submit = async (overrides: object) =>
      (await as.warga.post('/api/aspirations', roadComplaint(overrides))).body.id as string;
    ids.published = await submit({});
    ids.anonymous = await submit({ anonymous: true });
    ids.unverified = await submit({ title: 'Belum diverifikasi' });
    ids.confidential = await submit({ visibility: 'confidential' });
    for (const id of [ids.published, ids.anonymous, ids.confidential])
      await as.fasilitator.post(`/api/aspirations/${id}/verify`);
    for (const id of [ids.published, ids.anonymous]) {
      await as.fasilitator.post(`/api/aspirations/${id}/assign`);
      await as.pupr.post(`/api/aspirations/${id}/responses`, { body: 'Tim kami meninjau lokasi.' });
      await as.warga.post(`/api/aspirations/${id}/replies`, { body: 'Terima kasih atas tanggapannya.' });
    }
    await as.tetangga.post(`/api/aspirations/${ids.published}/endorsements`);
  }, 60_000);
  afterAll(() => running.close());

  it('gives auditors every stream, in position order, with the hash links of each', async () => {
    const log = await wholeLog('', auditor);
    const positions = log.map((e) => BigInt(e.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
    expect(new Set(log.map((e) => e.category))).toEqual(
      new Set(['agency', 'login', 'account', 'session', 'aspiration', 'endorsement']),
    );
    const lastOf = new Map<string, Entry>();
    for (const entry of log) {
      const previous = lastOf.get(entry.stream);
      expect({ entry: entry.position, link: entry.previousHash }).toEqual({
        entry: entry.position,
        link: previous ? previous.hash : null,
      });
      expect(entry.revision).toBe(previous ? previous.revision + 1 : 0);
      expect(entry.trace).toEqual({
        commandId: expect.any(String),
        correlationId: expect.any(String),
        causationId: expect.any(String),
      });
      lastOf.set(entry.stream, entry);
    }
  });

  it('shows auditors no personal data of accounts, sessions and logins: who, in which role, when, what', async () => {
    const accounts = await wholeLog('category=account', auditor);
    expect(accounts.map((e) => e.type)).toEqual(['AccountRegistered', 'AccountConfirmed']);
    expect(accounts[0]).toMatchObject({
      actor: { role: 'citizen' },
      data: { accountId: null, login: null, displayName: null, passwordHash: null },
      sealed: expect.arrayContaining([
        'data.accountId',
        'data.login',
        'data.displayName',
        'data.passwordHash',
      ]),
    });
    const sealedEverywhere = await wholeLog('', auditor);
    const text = JSON.stringify(sealedEverywhere.filter((e) => e.category !== 'aspiration'));
    for (const personal of [accountId, PHONE_E164, '81234567890', NAME, 'warga-2'])
      expect({ personal, found: text.includes(personal) }).toEqual({ personal, found: false });
  });

  it('shows auditors aspirations as the history does to them: an anonymous submitter stays unknown', async () => {
    const anonymous = await wholeLog(`category=aspiration`, auditor);
    const submission = anonymous.find((e) => e.stream === `aspiration-${ids.anonymous}`)!;
    expect(submission).toMatchObject({
      type: 'AspirationSubmitted',
      actor: { id: null, role: 'citizen' },
      data: { submittedBy: null },
      sealed: ['data.submittedBy', 'metadata.actor'],
    });
    const history = await as.auditor.get(`/api/aspirations/${ids.published}/history`);
    const inLog = anonymous.filter((e) => e.stream === `aspiration-${ids.published}`);
    expect(inLog.map(({ data, actor, hash }) => ({ data, actor, hash }))).toEqual(
      history.body.events.map(({ data, actor, hash }: Entry) => ({ data, actor, hash })),
    );
  });

  it('gives the public the published aspirations only, redacted for the public, without traces', async () => {
    const log = await wholeLog('', publicly);
    expect(new Set(log.map((e) => e.stream))).toEqual(
      new Set([`aspiration-${ids.published}`, `aspiration-${ids.anonymous}`]),
    );
    expect(log.every((e) => e.trace === undefined)).toBe(true);
    const token = await api.tokenFor('warga-3', 'citizen');
    const asCitizen = await wholeLog('', (path) => api.send('GET', path, { token }));
    expect(asCitizen).toEqual(log);
  });

  it('finds a private person’s acts for auditors only, and never behind an anonymous submission', async () => {
    const byCitizen = await wholeLog('actor=warga-1', auditor);
    expect(new Set(byCitizen.map((e) => e.stream))).toEqual(
      new Set([ids.published, ids.unverified, ids.confidential].map((id) => `aspiration-${id}`)),
    );
    expect(await wholeLog('actor=warga-1', publicly)).toEqual([]);
    expect(await wholeLog('actor=warga-2', auditor)).toEqual([]);
    const byOfficial = await wholeLog('actor=pupr-1', publicly);
    expect(byOfficial.map((e) => [e.type, e.stream])).toEqual([
      ['OfficialResponded', `aspiration-${ids.published}`],
      ['OfficialResponded', `aspiration-${ids.anonymous}`],
    ]);
  });

  it('filters by type, category and recorded time', async () => {
    const verified = await wholeLog('type=AspirationVerified', auditor);
    expect(verified).toHaveLength(3);
    expect(await wholeLog('type=AspirationVerified', publicly)).toHaveLength(2);
    expect(await wholeLog('category=endorsement', publicly)).toEqual([]);
    expect((await wholeLog('category=endorsement', auditor)).map((e) => e.actor)).toEqual([
      { id: null, role: 'citizen' },
    ]);
    const all = await wholeLog('', auditor);
    const middle = all[Math.floor(all.length / 2)];
    const since = await wholeLog(`from=${encodeURIComponent(middle.recordedAt)}`, auditor);
    const before = await wholeLog(`to=${encodeURIComponent(middle.recordedAt)}`, auditor);
    expect([...before, ...since]).toEqual(all);
    const reversed = await as.auditor.get(
      `/api/audit/events?from=${middle.recordedAt}&to=${middle.recordedAt}`,
    );
    expect(reversed).toMatchObject({
      status: 400,
      body: { code: 'empty_time_range', errors: [{ field: 'to' }] },
    });
  });

  it('reads one stream of any kind for auditors, in pages by revision; refuses everyone else', async () => {
    const agency = await as.auditor.get('/api/audit/streams/agency-dinas-pupr/events');
    expect(agency.body).toMatchObject({ stream: 'agency-dinas-pupr', category: 'agency', next: null });
    expect(agency.body.events).toMatchObject([
      { type: 'AgencyRegistered', revision: 0, actor: { id: 'admin-1' } },
    ]);
    const first = await as.auditor.get(`/api/audit/streams/aspiration-${ids.published}/events?limit=2`);
    expect(first.body.next).toBe(2);
    expect(first.body.events.map((e: Entry) => e.type)).toEqual([
      'AspirationSubmitted',
      'AspirationVerified',
    ]);
    const aspiration = await as.auditor.get(
      `/api/audit/streams/aspiration-${ids.anonymous}/events?fromRevision=1`,
    );
    expect(aspiration.body.events.map((e: Entry) => e.revision)).toEqual([1, 2, 3, 4]);
    expect(aspiration.body.next).toBeNull();
    for (const who of ['warga', 'fasilitator', 'pupr', 'admin'] as const)
      expect(await as[who].get('/api/audit/streams/agency-dinas-pupr/events')).toMatchObject({
        status: 403,
        body: { code: 'auditors_only' },
      });
    expect((await publicly('/api/audit/streams/agency-dinas-pupr/events')).status).toBe(401);
    expect(await as.auditor.get('/api/audit/streams/agency-nowhere/events')).toMatchObject({
      status: 404,
      body: { code: 'stream_not_found' },
    });
    expect(await as.auditor.get('/api/audit/streams/Agency_X/events')).toMatchObject({
      status: 400,
      body: { code: 'invalid_stream', errors: [{ field: 'stream' }] },
    });
  });
});
