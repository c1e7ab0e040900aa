/** What an aspiration is about, and the agency (its slug id) that handles it unless a facilitator routes it elsewhere. */
export interface AspirationCategory {
  readonly code: string;
  readonly name: string;
  readonly defaultAgencyId: string;
}

export const aspirationCategories = [
  { code: 'infrastruktur', name: 'Infrastruktur (jalan, jembatan, drainase)', defaultAgencyId: 'dinas-pupr' },
  { code: 'kesehatan', name: 'Kesehatan', defaultAgencyId: 'dinas-kesehatan' },
  { code: 'pendidikan', name: 'Pendidikan', defaultAgencyId: 'dinas-pendidikan' },
  { code: 'sosial', name: 'Sosial dan bantuan', defaultAgencyId: 'dinas-sosial' },
  { code: 'lingkungan', name: 'Lingkungan hidup', defaultAgencyId: 'dinas-lingkungan-hidup' },
  { code: 'kependudukan', name: 'Administrasi kependudukan', defaultAgencyId: 'disdukcapil' },
  { code: 'perhubungan', name: 'Perhubungan dan transportasi', defaultAgencyId: 'dinas-perhubungan' },
  { code: 'informasi-publik', name: 'Informasi publik', defaultAgencyId: 'diskominfo' },
  { code: 'ekonomi', name: 'Ekonomi, koperasi dan UMKM', defaultAgencyId: 'dinas-koperasi-umkm' },
  { code: 'pertanian', name: 'Pertanian', defaultAgencyId: 'dinas-pertanian' },
  { code: 'keamanan-ketertiban', name: 'Keamanan dan ketertiban umum', defaultAgencyId: 'satpol-pp' },
  // Diskominfo runs the channel, so whatever fits nowhere else starts there.
  { code: 'lainnya', name: 'Lainnya', defaultAgencyId: 'diskominfo' },
] as const satisfies readonly AspirationCategory[];

export type AspirationCategoryCode = (typeof aspirationCategories)[number]['code'];

const byCode = new Map<string, AspirationCategory>(
  aspirationCategories.map((category) => [category.code, category]),
);

export const isCategory = (code: string): code is AspirationCategoryCode => byCode.has(code);

export function defaultAgencyFor(category: AspirationCategoryCode): string {
  return byCode.get(category)!.defaultAgencyId;
}
