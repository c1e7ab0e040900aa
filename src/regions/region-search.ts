import { IndonesianTimeZone, timeZoneOfRegion } from '../platform/domain/working-days';
import { RegionCatalogue, RegionLevel } from './region-catalogue';

/** A region as pages show it: its name, where it lies (ancestor names, province first) and its time zone. */
export interface RegionEntry {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
  readonly path: readonly string[];
  readonly timeZone: IndonesianTimeZone;
  readonly hasChildren: boolean;
}

/** The most a search answers: enough to pick from, never the whole country. */
export const MAX_SEARCH_RESULTS = 50;

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, regency: 1, district: 2, village: 3 };

/** Lowercase without diacritics, so "Pulau Pisau" and "pulau pisau" and "Puláu" meet. */
export const foldName = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function regionEntry(regions: RegionCatalogue, code: string): RegionEntry {
  const path: string[] = [];
  for (let up = regions.parentOf(code); up !== undefined; up = regions.parentOf(up))
    path.unshift(regions.nameOf(up)!);
  return {
    code,
    name: regions.nameOf(code)!,
    level: regions.level(code)!,
    parentCode: regions.parentOf(code) ?? null,
    path,
    timeZone: timeZoneOfRegion(code),
    hasChildren: regions.childrenOf(code).length > 0,
  };
}

/** Every code with its folded name, built once per catalogue: a search is then one pass over plain strings. */
const folded = new WeakMap<RegionCatalogue, ReadonlyArray<readonly [string, string]>>();
function foldedNames(regions: RegionCatalogue) {
  let names = folded.get(regions);
  if (names === undefined) {
    const levels: RegionLevel[] = ['province', 'regency', 'district', 'village'];
    names = levels.flatMap((level) =>
      regions.codesAt(level).map((code) => [code, foldName(regions.nameOf(code)!)] as const),
    );
    folded.set(regions, names);
  }
  return names;
}

/** 0 the whole name, 1 its start, 2 a word's start, 3 anywhere: closer matches first. */
function closeness(name: string, query: string): number {
  if (name === query) return 0;
  if (name.startsWith(query)) return 1;
  return name.includes(` ${query}`) ? 2 : 3;
}

/**
 * Regions whose name contains every word of `query` (ignoring case and diacritics), optionally only under
 * `within`: the closest matches first, then the larger regions, then in the catalogue's order; at most `limit`.
 * One pass that keeps at most `limit` per (closeness, level), so a one-letter query costs no sort of the country.
 */
export function searchRegions(
  regions: RegionCatalogue,
  query: string,
  options: { within?: string; limit?: number } = {},
): RegionEntry[] {
  const text = foldName(query);
  const words = text.split(' ').filter((word) => word !== '');
  if (words.length === 0) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 20, MAX_SEARCH_RESULTS));
  const prefix = options.within === undefined ? undefined : `${options.within}.`;
  const buckets: string[][] = Array.from({ length: 16 }, () => []);
  for (const [code, name] of foldedNames(regions)) {
    if (prefix !== undefined && !code.startsWith(prefix)) continue;
    if (!words.every((word) => name.includes(word))) continue;
    const bucket = buckets[closeness(name, text) * 4 + LEVEL_ORDER[regions.level(code)!]];
    if (bucket.length < limit) bucket.push(code);
  }
  return buckets
    .flat()
    .slice(0, limit)
    .map((code) => regionEntry(regions, code));
}

/** The regions one level below `parent`, or the provinces when there is none, in the catalogue's order. */
export function childRegions(regions: RegionCatalogue, parent?: string): RegionEntry[] {
  const codes = parent === undefined ? regions.codesAt('province') : regions.childrenOf(parent);
  return codes.map((code) => regionEntry(regions, code));
}
