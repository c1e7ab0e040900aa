import { locale, t } from '../../i18n/i18n';

/** GET /api/statistics, as docs/api.md describes it. */
export interface Statistics {
  readonly agencies: ReadonlyArray<{
    readonly agencyId: string;
    readonly answered: number;
    readonly medianFirstResponseMinutes: number | null;
    readonly answeredWithinDeadlineShare: number | null;
  }>;
  readonly byStatus: Readonly<Record<string, number>>;
  readonly byCategory: Readonly<Record<string, number>>;
  readonly byRegion: Readonly<Record<string, number>>;
  readonly position: string;
}

/** Regions the statistics can be broken down below: a province, a regency or a district. */
export const DRILLABLE = /^\d{2}(\.\d{2}){0,2}$/;

/** "3 hari 4 jam", "2 jam 15 menit", "40 menit": the two largest units are enough to compare agencies. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const part = (key: string, n: number) => t(`stats.${key}`, { n });
  if (days > 0) return hours > 0 ? `${part('days', days)} ${part('hours', hours)}` : part('days', days);
  if (hours > 0) return rest > 0 ? `${part('hours', hours)} ${part('minutes', rest)}` : part('hours', hours);
  return part('minutes', rest);
}

export const formatShare = (share: number): string =>
  new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatCount = (count: number): string => new Intl.NumberFormat(locale()).format(count);

/** Largest first, then by key, so the chart and its table read in the same order. */
export const byCountDescending = (counts: Readonly<Record<string, number>>): Array<[string, number]> =>
  Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
