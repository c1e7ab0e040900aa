import type { TimeZoneName } from '../api/types';

// Province codes (first two digits) by zone, as the server's working-days calendar has them.
const WITA = /^(5[1-3]|6[3-5]|7[1-6])(\.|$)/;
const WIT = /^(8[12]|9[1-6])(\.|$)/;

/**
 * The zone of a region code, from its province: known at once, before the region's record arrives from
 * GET /api/regions (which says the same), so no time is ever shown in the wrong zone first.
 */
export function zoneOfRegion(regionCode: string): TimeZoneName {
  if (WIT.test(regionCode)) return 'WIT';
  if (WITA.test(regionCode)) return 'WITA';
  return 'WIB';
}
