import { ApiClient } from './api-client';

/** Katingan's agencies as an admin registers them: Dinas PUPR and Dinas Perhubungan under the regency. */
export async function registerKatinganAgencies(api: ApiClient): Promise<void> {
  const admin = api.as('admin-1', 'admin');
  const agencies = [
    { agencyId: 'pemkab-katingan', name: 'Pemerintah Kabupaten Katingan', categories: [] },
    {
      agencyId: 'dinas-pupr',
      name: 'Dinas PUPR Katingan',
      parentAgencyId: 'pemkab-katingan',
      categories: ['infrastruktur'],
    },
    {
      agencyId: 'dinas-perhubungan',
      name: 'Dinas Perhubungan Katingan',
      parentAgencyId: 'pemkab-katingan',
      categories: ['perhubungan'],
    },
  ];
  for (const agency of agencies) {
    const response = await admin.post('/api/agencies', { regionCode: '62.06', ...agency });
    if (response.status !== 201)
      throw new Error(`Could not register ${agency.agencyId}: ${JSON.stringify(response.body)}`);
  }
}

export const roadComplaint = (overrides: object = {}) => ({
  title: 'Jalan rusak di Kasongan Baru',
  body: 'Jalan utama desa berlubang besar sejak bulan lalu dan membahayakan pengendara motor.',
  category: 'infrastruktur',
  regionCode: '62.06.02.1003',
  visibility: 'public',
  anonymous: false,
  ...overrides,
});

export const actors = (api: ApiClient) => ({
  warga: api.as('warga-1', 'citizen'),
  tetangga: api.as('warga-2', 'citizen'),
  fasilitator: api.as('fasil-1', 'facilitator'),
  pupr: api.as('pupr-1', 'official:dinas-pupr'),
  dishub: api.as('dishub-1', 'official:dinas-perhubungan'),
  auditor: api.as('inspektorat-1', 'auditor'),
  admin: api.as('admin-1', 'admin'),
});
