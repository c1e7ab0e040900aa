import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('reading threads, inboxes and statistics (e2e)', () => {
  const clock = new MutableClock(new Date('2026-11-27T02:00:00Z'));
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  const ids: Record<string, string> = {};
  let lastPosition = '0';

  /** Sends a command and remembers its position, so the next read can ask to see it. */
  async function step(request: Promise<{ status: number; body: { id: string; position: string } }>) {
    const response = await request;
    if (response.status >= 300) throw new Error(`Setup step failed: ${JSON.stringify(response.body)}`);
    lastPosition = response.body.position;
    return response.body.id;
  }

  beforeAll(async () => {
    running = await startTestApp(undefined, clock);
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    const submit = (who: 'warga' | 'tetangga', overrides: object) =>
      step(as[who].post('/api/aspirations', roadComplaint(overrides)));
    ids.road = await submit('warga', { title: 'Jalan rusak di Kasongan Baru' });
    ids.confidential = await submit('warga', {
      title: 'Pungutan liar di kantor desa',
      visibility: 'confidential',
      category: 'lainnya',
    });
    ids.unverified = await submit('warga', {
      title: 'Lampu jalan padam di Tumbang Lahang',
      regionCode: '62.06.05.2001',
    });
    ids.answered = await submit('tetangga', {
      title: 'Jembatan kayu lapuk di Kasongan Lama',
      regionCode: '62.06.02.1004',
    });
    ids.anonymous = await submit('tetangga', {
      title: 'Sampah menumpuk di pasar Palangka',
      anonymous: true,
      regionCode: '62.71.01.1001',
      category: 'lingkungan',
    });
    ids.rejected = await submit('warga', { title: 'Iklan jualan pulsa murah sekali' });
    for (const id of [ids.road, ids.confidential, ids.answered, ids.anonymous])
      await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
    await step(as.fasilitator.post(`/api/aspirations/${ids.rejected}/reject`, { reason: 'Bukan aspirasi' }));
    await step(
      as.fasilitator.post(`/api/aspirations/${ids.confidential}/assign`, { agencyId: 'dinas-pupr' }),
    );
    await step(as.fasilitator.post(`/api/aspirations/${ids.answered}/assign`));
    clock.set('2026-11-30T03:00:00Z');
    await step(
      as.pupr.post(`/api/aspirations/${ids.answered}/responses`, {
        body: 'Jembatan akan diganti bulan depan.',
      }),
    );
    // Two neighbours endorse the road: its submitter (warga) may not endorse their own aspiration.
    await step(api.as('warga-3', 'citizen').post(`/api/aspirations/${ids.road}/endorsements`));
    await step(as.tetangga.post(`/api/aspirations/${ids.road}/endorsements`));
  });
  afterAll(() => running.close());

  const list = async (who: keyof ReturnType<typeof actors> | 'anyone', query = '') => {
    const path = `/api/aspirations?minPosition=${lastPosition}${query}`;
    const response = who === 'anyone' ? await api.send('GET', path) : await as[who].get(path);
    expect(response.status).toBe(200);
    return response.body as {
      items: Array<{ id: string; title: string; overdue: boolean; endorsements: number }>;
      nextCursor: string | null;
      position: string;
    };
  };
  const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id).sort();
  const expected = (...keys: string[]) => keys.map((key) => ids[key]).sort();

  it('shows a command its own write at once, with the position it reflects (read-your-writes)', async () => {
    const { position, id } = (
      await as.warga.post('/api/aspirations', roadComplaint({ title: 'Air bersih belum mengalir' }))
    ).body;
    const detail = await as.warga.get(`/api/aspirations/${id}?minPosition=${position}`);
    expect(detail.status).toBe(200);
    expect(detail.body.aspiration).toMatchObject({
      id,
      status: 'submitted',
      title: 'Air bersih belum mengalir',
    });
    expect(BigInt(detail.body.position) >= BigInt(position)).toBe(true);
  });

  it('lists only verified public threads to the public, and more to those who may see more', async () => {
    expect(idsOf(await list('anyone'))).toEqual(expected('road', 'answered', 'anonymous'));
    expect(idsOf(await list('warga'))).toEqual(
      expect.arrayContaining(
        expected('road', 'answered', 'anonymous', 'confidential', 'unverified', 'rejected'),
      ),
    );
    expect(idsOf(await list('tetangga'))).not.toContain(ids.unverified);
    expect(idsOf(await list('pupr'))).toEqual(expected('road', 'answered', 'anonymous', 'confidential'));
    expect((await list('fasilitator')).items.length).toBeGreaterThanOrEqual(6);
  });

  it('filters by status, category, region prefix, agency and words', async () => {
    expect(idsOf(await list('anyone', '&status=in_progress'))).toEqual(expected('answered'));
    expect(idsOf(await list('anyone', '&category=lingkungan'))).toEqual(expected('anonymous'));
    expect(idsOf(await list('anyone', '&region=62.06.02'))).toEqual(expected('road', 'answered'));
    expect(idsOf(await list('anyone', '&region=62.71'))).toEqual(expected('anonymous'));
    expect(idsOf(await list('anyone', '&agencyId=dinas-pupr'))).toEqual(expected('answered'));
    expect(idsOf(await list('anyone', '&q=JEMBATAN%20lapuk'))).toEqual(expected('answered'));
  });

  it('sorts by endorsements and pages with a cursor without gaps or repeats', async () => {
    const endorsed = await list('anyone', '&sort=endorsed');
    expect(endorsed.items[0]).toMatchObject({ id: ids.road, endorsements: 2 });
    const inOrder = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);
    const newest = inOrder(await list('fasilitator'));
    expect(inOrder(await list('fasilitator', '&sort=oldest'))).toEqual([...newest].reverse());
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list('fasilitator', `&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await list('fasilitator', '&limit=100')).items.length);
  });

  it('computes overdue at query time and sorts the most overdue first', async () => {
    clock.set('2027-03-01T00:00:00Z');
    const page = await list('fasilitator', '&sort=overdue');
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.overdue)).toBe(true);
    expect(page.items.map((item) => item.id)).toContain(ids.unverified);
    clock.set('2026-11-30T03:00:00Z');
    expect((await list('fasilitator', '&sort=overdue')).items.some((item) => item.overdue)).toBe(false);
  });

  it('never reveals an anonymous submitter except to the submitter', async () => {
    const read = async (who: 'tetangga' | 'fasilitator' | 'auditor' | 'warga') =>
      (await as[who].get(`/api/aspirations/${ids.anonymous}?minPosition=${lastPosition}`)).body.aspiration;
    expect((await read('tetangga')).submittedBy).toBe('warga-2');
    for (const who of ['fasilitator', 'auditor', 'warga'] as const) {
      const thread = await read(who);
      expect(thread.submittedBy).toBeNull();
      expect(JSON.stringify(thread)).not.toContain('warga-2');
    }
    expect(JSON.stringify(await list('anyone'))).not.toContain('warga-2');
  });

  it('answers 404 for a thread the viewer may not see, as for one that does not exist', async () => {
    expect((await api.send('GET', `/api/aspirations/${ids.confidential}`)).status).toBe(404);
    expect((await as.tetangga.get(`/api/aspirations/${ids.unverified}`)).status).toBe(404);
    expect((await as.pupr.get(`/api/aspirations/${ids.confidential}`)).status).toBe(200);
  });

  it("serves an agency's inbox to its officials, facilitators and auditors only", async () => {
    const inbox = await as.pupr.get(`/api/agencies/dinas-pupr/inbox?minPosition=${lastPosition}`);
    expect(inbox.status).toBe(200);
    expect(idsOf(inbox.body)).toEqual(expected('confidential', 'answered'));
    expect((await as.dishub.get('/api/agencies/dinas-pupr/inbox')).status).toBe(403);
    expect((await as.warga.get('/api/agencies/dinas-pupr/inbox')).status).toBe(403);
    expect((await as.auditor.get('/api/agencies/dinas-pupr/inbox')).status).toBe(200);
  });

  it("lists a citizen's own threads", async () => {
    const mine = await as.tetangga.get(`/api/me/aspirations?minPosition=${lastPosition}`);
    expect(idsOf(mine.body)).toEqual(expected('answered', 'anonymous'));
    expect((await api.send('GET', '/api/me/aspirations')).status).toBe(401);
  });

  it('publishes statistics: first-response times per agency and counts by status, category and region', async () => {
    const stats = (await api.send('GET', `/api/statistics?minPosition=${lastPosition}`)).body;
    expect(stats.agencies).toEqual([
      {
        agencyId: 'dinas-pupr',
        answered: 1,
        medianFirstResponseMinutes: expect.any(Number),
        answeredWithinDeadlineShare: 1,
      },
    ]);
    expect(stats.byStatus).toMatchObject({ verified: 2, in_progress: 2, rejected: 1 });
    expect(stats.byCategory.lingkungan).toBe(1);
    expect(stats.byRegion).toMatchObject({
      '62': expect.any(Number),
      '62.06': expect.any(Number),
      '62.71': 1,
    });
    const katingan = (await api.send('GET', '/api/statistics?region=62.06')).body.byRegion;
    expect(
      Object.keys(katingan).every((code) => code.startsWith('62.06.') && code.split('.').length === 3),
    ).toBe(true);
  });

  it('refuses a malformed minPosition or cursor, naming it', async () => {
    expect((await api.send('GET', '/api/aspirations?minPosition=abc')).body).toMatchObject({
      status: 400,
      errors: [{ field: 'minPosition' }],
    });
    expect((await api.send('GET', '/api/aspirations?cursor=%%%')).body).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor' }],
    });
  });
});
