import { aspirationCategories, defaultAgencyFor, isCategory } from './categories';

describe('aspiration categories', () => {
  it.each([
    ['infrastruktur', 'dinas-pupr'],
    ['kesehatan', 'dinas-kesehatan'],
    ['pendidikan', 'dinas-pendidikan'],
    ['sosial', 'dinas-sosial'],
    ['lingkungan', 'dinas-lingkungan-hidup'],
    ['kependudukan', 'disdukcapil'],
    ['perhubungan', 'dinas-perhubungan'],
    ['informasi-publik', 'diskominfo'],
    ['ekonomi', 'dinas-koperasi-umkm'],
    ['pertanian', 'dinas-pertanian'],
    ['keamanan-ketertiban', 'satpol-pp'],
    ['lainnya', 'diskominfo'],
  ] as const)('routes %s to %s by default', (category, agency) => {
    expect(isCategory(category)).toBe(true);
    expect(defaultAgencyFor(category)).toBe(agency);
  });

  it('lists each code once, with an Indonesian name', () => {
    const codes = aspirationCategories.map((category) => category.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(12);
    for (const category of aspirationCategories) expect(category.name.trim()).not.toBe('');
  });

  it.each(['', 'Infrastruktur', 'jalan', 'lainnya ', 'toString', '__proto__'])(
    'does not know "%s"',
    (code) => {
      expect(isCategory(code)).toBe(false);
    },
  );
});
