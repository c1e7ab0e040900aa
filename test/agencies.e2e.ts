import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

describe('agencies over HTTP (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(() => running.close());

  const admin = () => api.as('admin-1', 'admin');
  const register = (agencyId: string, extra: object = {}) =>
    admin().post('/api/agencies', {
      agencyId,
      name: `Agency ${agencyId}`,
      regionCode: '62.06',
      categories: [],
      ...extra,
    });

  it('registers an agency with its categories and parent, and adds an official', async () => {
    expect((await register('pemkab-katingan')).status).toBe(201);
    const created = await register('dinas-pupr', {
      parentAgencyId: 'pemkab-katingan',
      categories: ['infrastruktur'],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { id: 'dinas-pupr', position: expect.stringMatching(/^\d+$/) },
    });
    const official = await admin().post('/api/agencies/dinas-pupr/officials', {
      officialId: 'pupr-1',
      name: 'Budi',
    });
    expect(official.status).toBe(201);
  });

  it('refuses an unknown region, category or parent, naming the field', async () => {
    const region = await register('dinas-a', { regionCode: '99.99' });
    const category = await register('dinas-b', { categories: ['astrologi'] });
    const parent = await register('dinas-c', { parentAgencyId: 'nowhere' });
    expect(region.body).toMatchObject({
      status: 400,
      code: 'unknown_region',
      errors: [{ field: 'regionCode' }],
    });
    expect(category.body).toMatchObject({
      status: 400,
      code: 'unknown_category',
      errors: [{ field: 'categories' }],
    });
    expect(parent.body).toMatchObject({
      status: 404,
      code: 'agency_not_found',
      errors: [{ field: 'parentAgencyId' }],
    });
  });

  it('refuses a parent cycle', async () => {
    await register('dinas-x');
    await register('dinas-y', { parentAgencyId: 'dinas-x' });
    const cycle = await admin().post('/api/agencies/dinas-x/parent', { parentAgencyId: 'dinas-y' });
    expect(cycle.body).toMatchObject({ status: 400, code: 'agency_cycle' });
  });

  it('lets only admins manage agencies', async () => {
    const citizen = await api
      .as('warga-1', 'citizen')
      .post('/api/agencies', { agencyId: 'dinas-z', name: 'Dinas Z', regionCode: '62.06', categories: [] });
    const anonymous = await api.send('POST', '/api/agencies', {
      body: { agencyId: 'dinas-z', name: 'Dinas Z', regionCode: '62.06', categories: [] },
    });
    expect(citizen.status).toBe(403);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });
});
