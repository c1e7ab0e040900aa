/**
 * Indonesian administrative codes as Kemendagri writes them: province `62`, regency `62.06`, district
 * `62.06.02`, village `62.06.02.1003`. Whether a code exists is the region catalogue's business (src/regions);
 * these are the pure rules on the text, shared by tokens (platform) and the aspirations' access rules.
 */
export const REGION_CODE_PATTERN = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;

export const REGION_CODE_FORMAT = 'a region code like 62, 62.06, 62.06.02 or 62.06.02.1003';

export function isRegionCode(value: unknown): value is string {
  return typeof value === 'string' && REGION_CODE_PATTERN.test(value);
}

/**
 * Whether `regionCode` is `scope` or lies below it: `62.06` covers `62.06` and `62.06.02.1003`, not `62.07` nor
 * `62`. Codes nest by whole segments, so `62.0` (malformed anyway) never covers `62.06`.
 */
export function regionCovers(scope: string, regionCode: string): boolean {
  return regionCode === scope || regionCode.startsWith(`${scope}.`);
}
