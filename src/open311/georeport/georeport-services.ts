import { defaultDeadlineRules } from '../../aspirations/domain/aspiration.decider';
import { aspirationCategories, AspirationCategory } from '../../aspirations/domain/categories';
import { notFound } from './georeport-error';

/** The attribute every service asks for: latitude and longitude name no region here (the catalogue has no centroids). */
export const REGION_ATTRIBUTE = 'region';
/** An optional one-line title; without it the description's first line is the title. */
export const TITLE_ATTRIBUTE = 'title';

/** What a service promises, from the platform's deadline rules (LAPOR!'s by default). */
export const SERVICE_NOTICE =
  `Fasilitator memverifikasi dalam ${defaultDeadlineRules.verificationDays} hari kerja; instansi ` +
  `menindaklanjuti dalam ${defaultDeadlineRules.followUpDays} hari kerja setelah diteruskan.`;

const STOP_WORDS = new Set(['dan']);

/** The words of a category's name, as the specification's comma-separated keywords. */
const keywordsOf = (category: AspirationCategory): string =>
  [
    ...new Set(
      [category.code, ...category.name.toLowerCase().split(/[^\p{L}\p{N}-]+/u)].filter(
        (word) => word.length > 1 && !STOP_WORDS.has(word),
      ),
    ),
  ].join(', ');

/** One service per category; its group is the agency that handles the category unless a facilitator routes it. */
export function serviceList(agencyNames: ReadonlyMap<string, string>) {
  return aspirationCategories.map((category) => {
    const agency = agencyNames.get(category.defaultAgencyId) ?? category.defaultAgencyId;
    return {
      service_code: category.code,
      service_name: category.name,
      description: `Aspirasi tentang ${category.name.toLowerCase()}, ditangani ${agency}. ${SERVICE_NOTICE}`,
      metadata: true,
      type: 'realtime',
      keywords: keywordsOf(category),
      group: agency,
    };
  });
}

export const isServiceCode = (code: string): boolean => aspirationCategories.some((c) => c.code === code);

export const serviceNameOf = (code: string): string =>
  aspirationCategories.find((c) => c.code === code)?.name ?? code;

export function requireService(code: string): string {
  if (!isServiceCode(code)) throw notFound(`service_code ${code} is not a service of this endpoint`);
  return code;
}

/** The attributes of every service: where (a region code), and optionally a title. */
export function serviceDefinition(code: string) {
  return {
    service_code: requireService(code),
    attributes: [
      {
        variable: true,
        code: REGION_ATTRIBUTE,
        datatype: 'string',
        required: true,
        datatype_description: 'Kode wilayah Kemendagri, mis. 62.06.02.1003 (desa/kelurahan) atau 62.06',
        order: 1,
        description:
          'Wilayah (desa/kelurahan, kecamatan, kabupaten/kota atau provinsi) tempat aspirasi ini. Boleh kosong ' +
          'bila address_id berisi kode wilayah; lat dan long tidak diterjemahkan ke wilayah.',
        values: [],
      },
      {
        variable: true,
        code: TITLE_ATTRIBUTE,
        datatype: 'string',
        required: false,
        datatype_description: '5–150 karakter, satu baris',
        order: 2,
        description: 'Judul singkat; bila kosong, baris pertama description menjadi judul.',
        values: [],
      },
    ],
  };
}
