// Kabupaten Katingan (62.06), Kalimantan Tengah: the agencies and the people of the demo. Names are invented; the
// regions and the agencies' fields of work are real.

export const KATINGAN = '62.06';

/** Districts and villages the demo's people live in (codes from the national region catalogue). */
export const place = {
  katinganHilir: '62.06.02',
  kasonganBaru: '62.06.02.1003',
  kasonganLama: '62.06.02.1004',
  hampalit: '62.06.02.2008',
  tewangSangalangGaring: '62.06.03',
  pendahara: '62.06.03.1006',
  tewangRangas: '62.06.03.2003',
  pulauMalan: '62.06.04',
  tewangPapari: '62.06.04.2001',
  buntutBali: '62.06.04.2003',
  katinganTengah: '62.06.05',
  sambaKahayan: '62.06.05.1009',
  tumbangLahang: '62.06.05.2001',
} as const;

export interface DemoAgency {
  readonly agencyId: string;
  readonly name: string;
  readonly parentAgencyId?: string;
  readonly categories: readonly string[];
}

export const agencies: readonly DemoAgency[] = [
  { agencyId: 'pemkab-katingan', name: 'Pemerintah Kabupaten Katingan', categories: [] },
  ...(
    [
      ['dinas-pupr', 'Dinas Pekerjaan Umum dan Penataan Ruang', ['infrastruktur']],
      ['dinas-kesehatan', 'Dinas Kesehatan', ['kesehatan']],
      ['dinas-pendidikan', 'Dinas Pendidikan', ['pendidikan']],
      ['dinas-perhubungan', 'Dinas Perhubungan', ['perhubungan']],
      [
        'diskominfo',
        'Dinas Komunikasi, Informatika, Statistik dan Persandian',
        ['informasi-publik', 'lainnya'],
      ],
      ['dinas-lingkungan-hidup', 'Dinas Lingkungan Hidup', ['lingkungan']],
      ['dinas-sosial', 'Dinas Sosial', ['sosial']],
      ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', ['kependudukan']],
      ['dinas-pertanian', 'Dinas Pertanian', ['pertanian']],
    ] as const
  ).map(([agencyId, name, categories]) => ({
    agencyId,
    name: `${name} Kabupaten Katingan`,
    parentAgencyId: 'pemkab-katingan',
    categories,
  })),
];

export type DemoRole =
  | { readonly role: 'citizen' }
  | { readonly role: 'facilitator'; readonly regionCode: string }
  | { readonly role: 'official'; readonly agencyId: string }
  | { readonly role: 'auditor' };

export interface DemoPerson {
  readonly key: string;
  readonly name: string;
  readonly login: { readonly phone: string } | { readonly email: string };
  readonly grant: DemoRole;
  /** What they do in the demo, printed beside their login. */
  readonly about: string;
}

const citizen = { role: 'citizen' } as const;
const facilitatorOf = (regionCode: string) => ({ role: 'facilitator', regionCode }) as const;
const officialOf = (agencyId: string) => ({ role: 'official', agencyId }) as const;

export const people: readonly DemoPerson[] = [
  {
    key: 'siti',
    name: 'Siti Rahma',
    login: { phone: '0812-5100-0001' },
    grant: citizen,
    about: 'warga Kasongan Baru, anggota KIM Kasongan Baru',
  },
  {
    key: 'hendra',
    name: 'Hendra Saputra',
    login: { phone: '0812-5100-0002' },
    grant: citizen,
    about: 'warga Kasongan Lama',
  },
  {
    key: 'nur',
    name: 'Nur Aini',
    login: { phone: '0812-5100-0003' },
    grant: citizen,
    about: 'warga Pendahara, Tewang Sangalang Garing',
  },
  {
    key: 'markus',
    name: 'Markus Tingang',
    login: { phone: '0812-5100-0004' },
    grant: citizen,
    about: 'warga Tewang Papari, Pulau Malan',
  },
  {
    key: 'elisabeth',
    name: 'Elisabeth Nyai',
    login: { email: 'elisabeth@warga.example' },
    grant: citizen,
    about: 'guru di Samba Kahayan, Katingan Tengah',
  },
  {
    key: 'yusuf',
    name: 'Yusuf Hamdani',
    login: { phone: '0812-5100-0006' },
    grant: citizen,
    about: 'warga Hampalit, anggota KIM Kasongan Baru',
  },
  {
    key: 'rina',
    name: 'Rina Lestari',
    login: { phone: '0812-5200-0001' },
    grant: facilitatorOf(place.katinganHilir),
    about: 'fasilitator KIM, Kecamatan Katingan Hilir',
  },
  {
    key: 'yohanes',
    name: 'Yohanes Dambung',
    login: { phone: '0812-5200-0002' },
    grant: facilitatorOf(place.katinganTengah),
    about: 'fasilitator KIM, Kecamatan Katingan Tengah',
  },
  {
    key: 'dewi',
    name: 'Dewi Kartika',
    login: { email: 'moderator@diskominfo.example' },
    grant: facilitatorOf(KATINGAN),
    about: 'moderator Diskominfo, seluruh Kabupaten Katingan',
  },
  {
    key: 'budi',
    name: 'Budi Santoso',
    login: { email: 'budi@pupr.example' },
    grant: officialOf('dinas-pupr'),
    about: 'petugas Dinas PUPR',
  },
  {
    key: 'maria',
    name: 'dr. Maria Ulfah',
    login: { email: 'maria@dinkes.example' },
    grant: officialOf('dinas-kesehatan'),
    about: 'petugas Dinas Kesehatan',
  },
  {
    key: 'agus',
    name: 'Agus Salim',
    login: { email: 'agus@disdik.example' },
    grant: officialOf('dinas-pendidikan'),
    about: 'petugas Dinas Pendidikan',
  },
  {
    key: 'ratna',
    name: 'Ratna Sari',
    login: { email: 'ratna@dishub.example' },
    grant: officialOf('dinas-perhubungan'),
    about: 'petugas Dinas Perhubungan',
  },
  {
    key: 'fajar',
    name: 'Fajar Nugroho',
    login: { email: 'fajar@dlh.example' },
    grant: officialOf('dinas-lingkungan-hidup'),
    about: 'petugas Dinas Lingkungan Hidup',
  },
  {
    key: 'lina',
    name: 'Lina Marlina',
    login: { email: 'lina@disdukcapil.example' },
    grant: officialOf('disdukcapil'),
    about: 'petugas Disdukcapil',
  },
  {
    key: 'inspektorat',
    name: 'Inspektorat Kabupaten Katingan',
    login: { email: 'audit@inspektorat.example' },
    grant: { role: 'auditor' },
    about: 'pengawas (auditor): membaca semua, memeriksa riwayat',
  },
];
