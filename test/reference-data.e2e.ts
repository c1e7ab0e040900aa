import fc from 'fast-check';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString } from './support/hostile-values';
import { registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('reference data for forms and filters (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(() => running.close());

  const get = (path: string) => api.send('GET', path);
  const codes = (response: ApiResponse) => response.body.items.map((item: { code: string }) => item.code);

  it('lists the categories with their default agency, without a token', async () => {
    const response = await get('/api/categories');
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({
      code: 'infrastruktur',
      name: 'Infrastruktur (jalan, jembatan, drainase)',
      defaultAgencyId: 'dinas-pupr',
    });
    expect(response.body.items.at(-1).code).toBe('lainnya');
  });

  it('walks the region tree from the provinces down to the villages', async () => {
    const provinces = await get('/api/regions');
    expect(provinces.body.items).toHaveLength(38);
    expect(provinces.body.items).toContainEqual(
      expect.objectContaining({ code: '62', name: 'Kalimantan Tengah', level: 'province', timeZone: 'WIB' }),
    );
    expect(codes(await get('/api/regions?parent=62'))).toContain('62.06');
    expect((await get('/api/regions?parent=62.06')).body.items).toHaveLength(13);
    const villages = await get('/api/regions?parent=62.06.02');
    expect(villages.body.items).toContainEqual({
      code: '62.06.02.1003',
      name: 'Kasongan Baru',
      level: 'village',
      parentCode: '62.06.02',
      path: ['Kalimantan Tengah', 'Kabupaten Katingan', 'Katingan Hilir'],
      timeZone: 'WIB',
      hasChildren: false,
    });
  });

  it('searches regions by name, bounded, within a region when asked', async () => {
    expect(codes(await get('/api/regions?q=kasongan%20baru'))).toEqual(['62.06.02.1003']);
    const within = await get('/api/regions?q=baru&parent=62.06&limit=2');
    expect(within.body.items).toHaveLength(2);
    expect(codes(within).every((code: string) => code.startsWith('62.06.'))).toBe(true);
    expect((await get('/api/regions?q=a&limit=50')).body.items).toHaveLength(50);
  });

  it('looks up named codes, leaving out those that do not exist', async () => {
    const found = await get('/api/regions?codes=62.06.02.1003,51,99.99,62.06.02.1003');
    expect(codes(found)).toEqual(['62.06.02.1003', '51']);
    expect(found.body.items[1]).toMatchObject({ name: 'Bali', timeZone: 'WITA' });
  });

  it('refuses an unknown parent, a mixed question and a malformed code, naming the parameter', async () => {
    const unknown = await get('/api/regions?parent=99');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'region_not_found', errors: [{ field: 'parent' }] });
    const mixed = await get('/api/regions?codes=62&q=kasongan');
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'codes' })]);
    for (const [query, field] of [
      ['parent=6', 'parent'],
      ['codes=62,,63', 'codes'],
      ['limit=51', 'limit'],
      ['q=%20', 'q'],
      ['region=62', 'region'],
    ]) {
      const refused = await get(`/api/regions?${query}`);
      expect({ query, status: refused.status }).toEqual({ query, status: 400 });
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ field }));
    }
  });

  it('lists registered agencies by name (as stored, capitals first), filtered by region and category, reading its own writes', async () => {
    expect((await get('/api/agencies')).body.items).toEqual([]);
    await registerKatinganAgencies(api);
    const added = await api.as('admin-1', 'admin').post('/api/agencies', {
      agencyId: 'dinas-kesehatan-bali',
      name: 'Dinas Kesehatan Provinsi Bali',
      regionCode: '51',
      categories: ['kesehatan'],
    });
    const all = await get(`/api/agencies?minPosition=${added.body.position}`);
    expect(all.body.position).toBe(added.body.position);
    expect(all.body.items.map((a: { agencyId: string }) => a.agencyId)).toEqual([
      'dinas-kesehatan-bali', // Dinas Kesehatan Provinsi Bali
      'dinas-pupr', // Dinas PUPR Katingan
      'dinas-perhubungan', // Dinas Perhubungan Katingan
      'pemkab-katingan',
    ]);
    expect(all.body.items).toContainEqual({
      agencyId: 'dinas-pupr',
      name: 'Dinas PUPR Katingan',
      regionCode: '62.06',
      parentAgencyId: 'pemkab-katingan',
      categories: ['infrastruktur'],
    });
    const katingan = await get('/api/agencies?region=62');
    expect(katingan.body.items).toHaveLength(3);
    const roads = await get('/api/agencies?region=62.06&category=infrastruktur');
    expect(roads.body.items.map((a: { agencyId: string }) => a.agencyId)).toEqual(['dinas-pupr']);
  });

  it.each([
    ['/api/categories', ['minPosition']],
    ['/api/regions', ['parent', 'q', 'codes', 'limit']],
    ['/api/agencies', ['region', 'category', 'minPosition']],
  ])('GET %s: any query string gets a 200 or a 4xx problem naming the parameter', async (path, fields) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fields), hostileString), hostileString), {
          maxLength: 4,
        }),
        async (pairs) => {
          const response = await get(`${path}?${new URLSearchParams(pairs).toString()}`);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400 && response.body.code === 'invalid_request')
            for (const error of response.body.errors) expect(typeof error.field).toBe('string');
        },
      ),
      { numRuns: 100 },
    );
  });
});
