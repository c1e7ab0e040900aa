import { locale, t } from '../i18n/i18n';
import { TimeZoneName } from '../api/types';
import { zoneOfRegion } from './time-zone';

export { zoneOfRegion };

const IANA: Record<TimeZoneName, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** A moment as people of the region read it, with its zone named: "12 Jan 2026 10.00 WIB". */
export function formatDateTime(iso: string, zone: TimeZoneName = 'WIB'): string {
  const text = new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: IANA[zone],
  }).format(new Date(iso));
  return `${text} ${zone}`;
}

/** The zone of a place: its record's when known, else the one its province code implies (the same). */
export const zoneOf = (region: { timeZone: TimeZoneName } | undefined, regionCode: string): TimeZoneName =>
  region?.timeZone ?? zoneOfRegion(regionCode);

/** A time of day only, with its zone: "10.32 WIB". */
export function formatTime(iso: string, zone: TimeZoneName): string {
  const text = new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: IANA[zone] }).format(
    new Date(iso),
  );
  return `${text} ${zone}`;
}

export function formatDate(iso: string, zone: TimeZoneName = 'WIB'): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: IANA[zone] }).format(
    new Date(iso),
  );
}

/** "Kasongan Baru, Katingan Hilir": the place and the one above it is enough to recognise it. */
export function placeName(
  region: { name: string; path: readonly string[] } | undefined,
  code: string,
): string {
  if (!region) return code;
  const above = region.path[region.path.length - 1];
  return above ? `${region.name}, ${above}` : region.name;
}

export const statusLabel = (status: string): string => t(`status.${status}`);
export const categoryLabel = (code: string, fallback?: string): string => {
  const text = t(`category.${code}`);
  return text === `category.${code}` ? (fallback ?? code) : text;
};
