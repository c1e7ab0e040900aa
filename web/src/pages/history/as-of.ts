import { TimeZoneName } from '../../api/types';

/** Indonesia keeps no daylight saving: each zone is one fixed offset. */
const OFFSET_HOURS: Record<TimeZoneName, number> = { WIB: 7, WITA: 8, WIT: 9 };
const offsetOf = (zone: TimeZoneName) => `+0${OFFSET_HOURS[zone]}:00`;

/** A moment as a date-time field shows it in the region's zone, to the second: "2026-11-27T10:05:09". */
export function localInputValue(iso: string, zone: TimeZoneName): string {
  const shifted = new Date(Date.parse(iso) + OFFSET_HOURS[zone] * 3_600_000);
  return shifted.toISOString().slice(0, 19);
}

const LOCAL = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,3})?$/;

/** The instant a date-time field's value names in the region's zone, as the API takes it; undefined when malformed. */
export function instantOf(value: string, zone: TimeZoneName): string | undefined {
  const parts = LOCAL.exec(value);
  if (!parts) return undefined;
  const time = Date.parse(`${parts[1]}${parts[2] ?? ':00'}${parts[3] ?? ''}${offsetOf(zone)}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The moment a past view shows: after the event at a position, or at an instant. */
export type AsOf = { readonly position: string } | { readonly time: string };

/** From the page's query (`posisi` or `waktu`), or the last step when it names none. */
export function asOfFrom(query: Record<string, string>, last: string | undefined): AsOf | undefined {
  if (query.waktu) return { time: query.waktu };
  if (query.posisi) return { position: query.posisi };
  return last === undefined ? undefined : { position: last };
}

export const asOfQuery = (asOf: AsOf): string =>
  'time' in asOf
    ? `asOfTime=${encodeURIComponent(asOf.time)}`
    : `asOfPosition=${encodeURIComponent(asOf.position)}`;

export const asOfSearch = (asOf: AsOf): string =>
  'time' in asOf ? `?waktu=${encodeURIComponent(asOf.time)}` : `?posisi=${encodeURIComponent(asOf.position)}`;

/** The step a position shows: the last event at or before it (positions ascend), or -1 before the first. */
export function stepAt(positions: readonly string[], position: string): number {
  if (!/^\d+$/.test(position)) return -1;
  const at = BigInt(position);
  let found = -1;
  positions.forEach((candidate, i) => {
    if (BigInt(candidate) <= at) found = i;
  });
  return found;
}
