import { ApiClient, ApiResponse } from './support/api-client';
import { confirm, PASSWORD, register, signIn } from './authorization/walk/role-accounts';
import { codesSentTo } from './support/outbox';
import { GeoReport, issueApiKey, potholeReport } from './support/open311';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { embeddedConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

const idOf = (filed: { text: string }) => JSON.parse(filed.text)[0].service_request_id as string;

/** The native detail once the read model holds it (a GeoReport answer carries no position to read at). */
async function nativeDetail(read: (path: string) => Promise<ApiResponse>, id: string) {
  let detail: ApiResponse | undefined;
  await waitFor(async () => (detail = await read(`/api/aspirations/${id}`)).status === 200, `thread ${id}`);
  return detail!.body.aspiration;
}

describe('Open311: a request filed by a GeoReport client is answered in the native API (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let geo: GeoReport;
  let apiKey: string;
  let clientId: string;
  let as: ReturnType<typeof actors>;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    geo = new GeoReport(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    ({ apiKey, clientId } = await issueApiKey(api, await api.tokenFor('admin-1', 'admin')));
  });
  afterAll(() => running.close());

  it('files through Open311, shows natively, is answered natively, and the answer shows in Open311', async () => {
    const filed = await geo.post('requests.json', potholeReport(apiKey));
    expect(filed.status).toBe(201);
    const id = idOf(filed);
    // The same aspiration the native API knows: submitted, waiting for a facilitator of its region.
    const native = await nativeDetail(as.fasilitator.get, id);
    expect(native).toMatchObject({
      id,
      status: 'submitted',
      category: 'infrastruktur',
      regionCode: '62.06.02.1003',
      visibility: 'public',
      anonymous: false,
      submittedBy: `open311-client:${clientId}`,
      title: 'Lubang besar di tengah jalan menuju pasar, sudah dua minggu belum ditambal.',
    });
    expect(native.messages[0].body).toContain('Lokasi: Jalan Tjilik Riwut km 2, Kasongan Baru');
    // Not verified: shown nowhere in Open311, not even to the application that filed it.
    expect((await geo.get(`requests/${id}.json`)).status).toBe(404);
    expect((await geo.get(`requests/${id}.json?api_key=${encodeURIComponent(apiKey)}`)).status).toBe(404);
    expect((await geo.json('requests.json')).body).toEqual([]);

    const verified = await as.fasilitator.post(`/api/aspirations/${id}/verify`);
    await api.send('GET', `/api/aspirations/${id}?minPosition=${verified.body.position}`);
    expect((await geo.json(`requests/${id}.json`)).body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      agency_responsible: null,
    });

    const assigned = await as.fasilitator.post(`/api/aspirations/${id}/assign`);
    await api.send('GET', `/api/aspirations/${id}?minPosition=${assigned.body.position}`);
    // Routed to the category's agency: its follow-up deadline is when the request can be expected to be met.
    expect((await geo.json(`requests/${id}.json`)).body[0]).toMatchObject({
      agency_responsible: 'Dinas PUPR Katingan',
      expected_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/),
    });
    const answer = 'Tim Dinas PUPR menambal lubang ini hari Senin.';
    const responded = await as.pupr.post(`/api/aspirations/${id}/responses`, { body: answer });
    expect(responded.status).toBe(201);
    await api.send('GET', `/api/aspirations/${id}?minPosition=${responded.body.position}`);

    const followed = await geo.json(`requests/${id}.json`);
    expect(followed.body[0]).toMatchObject({ status: 'open', status_notes: answer });
    const resolved = await as.pupr.post(`/api/aspirations/${id}/resolve`, {
      summary: 'Jalan sudah ditambal.',
    });
    await api.send('GET', `/api/aspirations/${id}?minPosition=${resolved.body.position}`);
    const closed = await geo.json(`requests.json?status=closed&service_code=infrastruktur`);
    expect(closed.body).toContainEqual(
      expect.objectContaining({
        service_request_id: id,
        status: 'closed',
        status_notes: answer,
        expected_datetime: null,
      }),
    );
  });

  it('never shows anonymous or confidential aspirations, and lists only verified ones', async () => {
    const ids: Record<string, string> = {};
    let position = '0';
    for (const [name, overrides] of Object.entries({
      anonymous: { anonymous: true },
      confidential: { visibility: 'confidential' },
      unverified: {},
      shown: {},
    })) {
      const submitted = await as.warga.post('/api/aspirations', roadComplaint(overrides));
      ids[name] = submitted.body.id;
      position = submitted.body.position;
      if (name !== 'unverified')
        position = (await as.fasilitator.post(`/api/aspirations/${ids[name]}/verify`)).body.position;
    }
    // Read-your-writes, so that an absence below is a refusal, not a read model behind.
    await api.send('GET', `/api/aspirations/${ids.shown}?minPosition=${position}`);
    const { shown, ...hidden } = ids;
    expect((await geo.json(`requests/${shown}.json`)).body).toHaveLength(1);
    const listed = (await geo.json('requests.json')).body.map(
      (r: { service_request_id: string }) => r.service_request_id,
    );
    expect(listed).toContain(shown);
    for (const id of Object.values(hidden)) {
      expect(listed).not.toContain(id);
      expect((await geo.get(`requests/${id}.xml?api_key=${encodeURIComponent(apiKey)}`)).status).toBe(404);
      expect((await geo.json(`requests.json?service_request_id=${id}`)).body).toEqual([]);
    }
  });

  it('attributes a submission to the registered citizen its e-mail or phone names', async () => {
    const email = 'pelapor.open311@contoh.id';
    await confirm(api, email, await register(api, running.config.dataDir, email));
    const phone = '0812-7000-0311';
    const registered = await api.send('POST', '/api/accounts', {
      body: { phone, displayName: 'Budi Pelapor', password: PASSWORD },
    });
    expect(registered.status).toBe(202);
    await confirm(api, phone, codesSentTo(running.config.dataDir, '+6281270000311').at(-1)!);

    const byEmail = idOf(
      await geo.post('requests.json', potholeReport(apiKey, { email: 'Pelapor.Open311@contoh.id' })),
    );
    const byPhone = idOf(
      await geo.post(
        'requests.json',
        potholeReport(apiKey, { email: 'tidak.terdaftar@contoh.id', phone: '+62 812 7000 0311' }),
      ),
    );
    const unknown = idOf(
      await geo.post('requests.json', potholeReport(apiKey, { email: 'tidak.terdaftar@contoh.id' })),
    );

    // The application's own submission, the last filed: once the read model holds it, it holds the others too.
    const fromApplication = await nativeDetail(as.fasilitator.get, unknown);
    expect(fromApplication.submittedBy).toBe(`open311-client:${clientId}`);
    const mine = async (login: string) => {
      const token = (await signIn(api, login)).accessToken;
      const page = await api.send('GET', '/api/me/aspirations', { token });
      return page.body.items.map((item: { id: string }) => item.id);
    };
    expect(await mine(email)).toEqual([byEmail]);
    expect(await mine(phone)).toEqual([byPhone]);
    // Nothing tells the application whether a person was found: before verification it reads none of them.
    for (const id of [byEmail, byPhone, unknown])
      expect((await geo.get(`requests/${id}.json?api_key=${encodeURIComponent(apiKey)}`)).status).toBe(404);
  });

  it('returns the same request for a retry with the same Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'fms-report-7781' };
    const first = idOf(await geo.post('requests.json', potholeReport(apiKey), headers));
    const again = idOf(await geo.post('requests.json', potholeReport(apiKey), headers));
    expect(again).toBe(first);
    const changed = await geo.post(
      'requests.json',
      potholeReport(apiKey, { description: 'Isi yang lain sama sekali, bukan laporan tadi.' }),
      headers,
    );
    expect(changed.status).toBe(400);
  });

  it('refuses a revoked key at once, for filing and for reading', async () => {
    const admin = await api.tokenFor('admin-1', 'admin');
    const second = await issueApiKey(api, admin, 'Dasbor Bappeda');
    expect((await geo.post('requests.json', potholeReport(second.apiKey))).status).toBe(201);
    const revoked = await api.send('DELETE', `/api/open311/clients/${second.clientId}`, { token: admin });
    expect(revoked.status).toBe(200);
    const refused = await geo.post('requests.json', potholeReport(second.apiKey));
    expect({ status: refused.status, body: JSON.parse(refused.text) }).toEqual({
      status: 403,
      body: [{ code: 403, description: expect.stringMatching(/Invalid api_key/) }],
    });
    expect((await geo.get(`services.json?api_key=${encodeURIComponent(second.apiKey)}`)).status).toBe(403);
    expect(
      (await api.send('DELETE', `/api/open311/clients/${second.clientId}`, { token: admin })).status,
    ).toBe(409);
  });

  it('requires an api_key to file, and answers every refusal in the specification’s format', async () => {
    const { api_key: _key, ...withoutKey } = potholeReport(apiKey);
    const cases: Array<[Promise<{ status: number; text: string; headers: Headers }>, number]> = [
      [geo.post('requests.xml', withoutKey), 403],
      [geo.get('requests/58b91eaf-ed88-8635-a0b6-f56e3d9f733e.xml'), 404],
      [geo.get('requests/not-an-id.json'), 404],
      [geo.get('services/jalan.json'), 404],
      [geo.get('services.html'), 400],
      [geo.get('requests.json?start_date=kemarin'), 400],
      [geo.get('no-such-resource.json'), 404],
      [
        geo.postRaw('requests.json', '{"service_code":"infrastruktur"}', {
          'content-type': 'application/json',
        }),
        415,
      ],
      [geo.postRaw('requests.json', 'x', { 'content-type': 'text/plain' }), 415],
      [
        geo.postRaw('requests.json', `description=${'x'.repeat(70_000)}`, {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        413,
      ],
    ];
    for (const [pending, status] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      const xml = response.headers.get('content-type')!.startsWith('text/xml');
      if (xml)
        expect(response.text).toMatch(new RegExp(`<errors><error><code>${status}</code><description>`));
      else expect(JSON.parse(response.text)).toEqual([{ code: status, description: expect.any(String) }]);
    }
    const wrongMethod = await fetch(`${running.url}/open311/v2/requests.json`, { method: 'DELETE' });
    expect({ status: wrongMethod.status, allow: wrongMethod.headers.get('allow') }).toEqual({
      status: 405,
      allow: 'GET, HEAD, POST',
    });
    expect(await wrongMethod.json()).toEqual([{ code: 405, description: expect.any(String) }]);
    // Form bodies are for GeoReport alone: the native API still takes JSON only.
    const native = await fetch(`${running.url}/api/aspirations`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'title=x',
    });
    expect(native.status).toBe(415);
  });
});

describe('Open311: each API key has its own rate limit (e2e)', () => {
  let running: TestApp;

  beforeAll(async () => {
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, undefined, {
      ...embeddedConfig(dataDir),
      rateLimits: { apiKey: { limit: 3, windowMs: 60_000 } },
    });
  });
  afterAll(() => running.close());

  it('refuses a key over its limit with 429 and Retry-After, while another key goes on', async () => {
    const api = new ApiClient(running.url);
    const admin = await api.tokenFor('admin-1', 'admin');
    const [busy, other] = [
      await issueApiKey(api, admin, 'Aplikasi A'),
      await issueApiKey(api, admin, 'Aplikasi B'),
    ];
    const geo = new GeoReport(running.url);
    const read = (key: string) => geo.get(`services.json?api_key=${encodeURIComponent(key)}`);
    for (let i = 0; i < 3; i++) expect((await read(busy.apiKey)).status).toBe(200);
    const refused = await geo.post('requests.json', potholeReport(busy.apiKey));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(JSON.parse(refused.text)).toEqual([{ code: 429, description: expect.stringMatching(/api_key/) }]);
    expect((await read(other.apiKey)).status).toBe(200);
    // Without a key nothing is counted against one: the per-address limits still apply.
    expect((await geo.get('services.json')).status).toBe(200);
  });
});
