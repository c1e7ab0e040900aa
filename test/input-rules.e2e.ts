import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('text rules, self-endorsement and unseen aspirations over HTTP (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let events: EventStore;
  /** Verified, public, assigned to Dinas PUPR: submitted by warga-1. */
  let open: string;
  /** Not yet verified: only its submitter (warga-1), facilitators and auditors see it. */
  let unverified: string;
  /** Verified, confidential, assigned to Dinas PUPR. */
  let confidential: string;

  const ok = async (request: Promise<ApiResponse>) => {
    const response = await request;
    if (response.status >= 300) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  /** Asserts the request was refused and the event store did not move. */
  const refused = async (request: () => Promise<ApiResponse>) => {
    const head = await events.headPosition();
    const response = await request();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await events.headPosition()).toEqual(head);
    return response;
  };

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    events = running.app.get(EVENT_STORE);
    await registerKatinganAgencies(api);
    const submit = async (overrides: object, verify: boolean) => {
      const { id } = await ok(as.warga.post('/api/aspirations', roadComplaint(overrides)));
      if (verify) {
        await ok(as.fasilitator.post(`/api/aspirations/${id}/verify`));
        await ok(as.fasilitator.post(`/api/aspirations/${id}/assign`));
      }
      return id as string;
    };
    open = await submit({ title: 'Jalan berlubang di Jalan Tjilik Riwut' }, true);
    unverified = await submit({ title: 'Lampu jalan padam di Kasongan Baru' }, false);
    confidential = await submit({ title: 'Pungutan liar di kantor desa', visibility: 'confidential' }, true);
  });
  afterAll(() => running.close());

  describe('text', () => {
    it.each([
      ['title', 'Jalan\u0000rusak', 'U+0000'],
      ['title', 'Jalan\nrusak', 'U+000A'],
      ['title', 'Jalan\trusak', 'U+0009'],
      ['title', 'Jalan \u202erusak', 'U+202E'],
      ['title', 'Jalan \u2066rusak\u2069', 'U+2066'],
      ['title', '   ', 'visible'],
      ['title', '\u200b\u200b\u200b', 'visible'],
      ['title', '\u0301\u0301\u0301', 'visible'],
      ['title', 'Jalan \ud800 rusak', 'surrogate'],
      ['body', 'Jalan rusak\u0007 sejak lama sekali dan berbahaya', 'U+0007'],
      ['body', 'Jalan rusak \u202d sejak lama sekali dan berbahaya', 'U+202D'],
      ['groupId', 'kim\u0000kasongan', 'U+0000'],
    ])('refuses a submission whose %s is %j, naming the field', async (field, value, named) => {
      const response = await refused(() =>
        as.warga.post('/api/aspirations', roadComplaint({ [field]: value })),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, message: expect.stringContaining(named) }]);
    });

    it('keeps newline and tab in a body', async () => {
      const body = 'Jalan utama desa berlubang besar.\n\tSudah sebulan membahayakan pengendara motor.';
      const created = await ok(as.warga.post('/api/aspirations', roadComplaint({ body })));
      const thread = await ok(as.warga.get(`/api/aspirations/${created.id}?minPosition=${created.position}`));
      expect(JSON.stringify(thread)).toContain(JSON.stringify(body).slice(1, -1));
    });

    it('stores a decomposed title composed (NFC)', async () => {
      const title = 'Kafe\u0301 di pinggir jalan menutup trotoar';
      const created = await ok(as.warga.post('/api/aspirations', roadComplaint({ title })));
      const thread = await ok(as.warga.get(`/api/aspirations/${created.id}?minPosition=${created.position}`));
      expect(thread.aspiration.title).toBe('Kaf\u00e9 di pinggir jalan menutup trotoar');
      const stored = (await events.readAll()).map((event) => JSON.stringify(event.data));
      expect(stored.some((data) => data.includes('Kaf\u00e9 di pinggir'))).toBe(true);
      expect(stored.some((data) => data.includes('Kafe\u0301'))).toBe(false);
    });

    it.each([
      ['reject', 'reason', () => `/api/aspirations/${unverified}/reject`, () => as.fasilitator],
      ['forward', 'reason', () => `/api/aspirations/${open}/forward`, () => as.pupr],
      ['responses', 'body', () => `/api/aspirations/${open}/responses`, () => as.pupr],
      ['replies', 'body', () => `/api/aspirations/${open}/replies`, () => as.warga],
      ['resolve', 'summary', () => `/api/aspirations/${open}/resolve`, () => as.pupr],
    ])('refuses a bidi override in the %s %s', async (_, field, path, who) => {
      const body = { [field]: 'Sudah \u202eselesai', toAgencyId: 'dinas-perhubungan' };
      if (field !== 'reason' || path().endsWith('reject'))
        delete (body as Record<string, unknown>).toAgencyId;
      const response = await refused(() => who().post(path(), body));
      expect(response.status).toBe(400);
      expect(response.body.errors).toContainEqual({ field, message: expect.stringContaining('U+202E') });
    });

    it('refuses a control character in an agency name and an official name', async () => {
      const agency = await refused(() =>
        as.admin.post('/api/agencies', {
          agencyId: 'dinas-kesehatan',
          name: 'Dinas\u0000Kesehatan',
          regionCode: '62.06',
          categories: [],
        }),
      );
      const official = await refused(() =>
        as.admin.post('/api/agencies/dinas-pupr/officials', { officialId: 'pupr-9', name: 'Budi\u202e' }),
      );
      expect(agency.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('U+0000') }]);
      expect(official.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('U+202E') }]);
    });

    it('refuses a villager name of invisible characters, naming the nested field', async () => {
      const response = await refused(() =>
        as.fasilitator.post('/api/aspirations', roadComplaint({ onBehalfOf: { name: '\u200b' } })),
      );
      expect(response.body.errors).toEqual([{ field: 'onBehalfOf.name', message: expect.any(String) }]);
    });
  });

  describe('endorsing', () => {
    it('refuses a submitter endorsing their own aspiration with 403 own_aspiration', async () => {
      const response = await refused(() => as.warga.post(`/api/aspirations/${open}/endorsements`));
      expect(response.body).toMatchObject({ status: 403, code: 'own_aspiration' });
    });

    it('lets another citizen endorse it', async () => {
      await ok(as.tetangga.post(`/api/aspirations/${open}/endorsements`));
    });
  });

  describe('commands on an aspiration the caller may not see', () => {
    it.each([
      ['verify', {}],
      ['replies', { body: 'Saya juga mengalami hal yang sama.' }],
      ['reopen', { reason: 'Belum diperbaiki' }],
      ['close', {}],
      ['rating', { rating: 1 }],
    ])('answers 404 to another citizen calling %s on an unverified one', async (verb, body) => {
      const response = await refused(() => as.tetangga.post(`/api/aspirations/${unverified}/${verb}`, body));
      expect(response.body).toMatchObject({ status: 404, code: 'aspiration_not_found' });
    });

    it('answers 404 to an official of another agency on a confidential one', async () => {
      const respond = await refused(() =>
        as.dishub.post(`/api/aspirations/${confidential}/responses`, { body: 'Kami tindak lanjuti.' }),
      );
      const forward = await refused(() =>
        as.dishub.post(`/api/aspirations/${confidential}/forward`, {
          toAgencyId: 'dinas-pupr',
          reason: 'Bukan kewenangan kami',
        }),
      );
      expect([respond.body.code, forward.body.code]).toEqual([
        'aspiration_not_found',
        'aspiration_not_found',
      ]);
    });

    it('answers 404 to another citizen endorsing a confidential one, as for one that does not exist', async () => {
      const response = await refused(() => as.tetangga.post(`/api/aspirations/${confidential}/endorsements`));
      expect(response.status).toBe(404);
    });

    it('keeps 403 for callers who see the thread but may not do that', async () => {
      const citizen = await refused(() => as.tetangga.post(`/api/aspirations/${open}/verify`));
      const official = await refused(() =>
        as.dishub.post(`/api/aspirations/${open}/responses`, { body: 'Kami tindak lanjuti.' }),
      );
      const submitter = await refused(() => as.warga.post(`/api/aspirations/${unverified}/verify`));
      expect([citizen.status, official.status, submitter.status]).toEqual([403, 403, 403]);
    });
  });
});
