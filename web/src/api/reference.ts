import { api } from './http';
import { Agency, Category, Region } from './types';

// Reference data changes rarely: each list is asked for once per visit.
let categories: Promise<Category[]> | undefined;
const regions = new Map<string, Region>();
const children = new Map<string, Promise<Region[]>>();

export function loadCategories(): Promise<Category[]> {
  categories ??= api<{ items: Category[] }>('/api/categories', { anonymous: true }).then((r) => r.items);
  categories.catch(() => (categories = undefined));
  return categories;
}

const remember = (items: Region[]) => {
  items.forEach((region) => regions.set(region.code, region));
  return items;
};

/** The regions below `parent`, or the provinces. */
export function loadChildRegions(parent?: string): Promise<Region[]> {
  const key = parent ?? '';
  if (!children.has(key)) {
    const query = parent ? `?parent=${encodeURIComponent(parent)}` : '';
    const loading = api<{ items: Region[] }>(`/api/regions${query}`, { anonymous: true }).then((r) =>
      remember(r.items),
    );
    loading.catch(() => children.delete(key));
    children.set(key, loading);
  }
  return children.get(key)!;
}

export const searchRegions = (q: string, parent?: string): Promise<Region[]> =>
  api<{ items: Region[] }>(
    `/api/regions?q=${encodeURIComponent(q)}&limit=20${parent ? `&parent=${encodeURIComponent(parent)}` : ''}`,
    { anonymous: true },
  ).then((r) => remember(r.items));

/** Names and time zones of these codes (one request for those not yet known). */
export async function lookUpRegions(codes: readonly string[]): Promise<Map<string, Region>> {
  const missing = [...new Set(codes)].filter((code) => !regions.has(code));
  for (let i = 0; i < missing.length; i += 100) {
    const batch = missing.slice(i, i + 100).join(',');
    remember((await api<{ items: Region[] }>(`/api/regions?codes=${batch}`, { anonymous: true })).items);
  }
  return new Map(codes.filter((code) => regions.has(code)).map((code) => [code, regions.get(code)!]));
}

export const knownRegion = (code: string): Region | undefined => regions.get(code);

const agencies = new Map<string, Promise<Agency[]>>();
/** The position of the last agency this visit registered: lists are read at least there. */
let agenciesAt: string | undefined;

/** Registered agencies, those in a region (or under it) when one is given. */
export function loadAgencies(region?: string): Promise<Agency[]> {
  const key = region ?? '';
  if (!agencies.has(key)) {
    const params = new URLSearchParams();
    if (region) params.set('region', region);
    if (agenciesAt) params.set('minPosition', agenciesAt);
    const query = params.toString() ? `?${params}` : '';
    const loading = api<{ items: Agency[] }>(`/api/agencies${query}`, { anonymous: true }).then(
      (r) => r.items,
    );
    loading.catch(() => agencies.delete(key));
    agencies.set(key, loading);
  }
  return agencies.get(key)!;
}

/** Agency id → name, for showing who answered; an unknown id shows as itself. */
export const loadAgencyNames = (): Promise<Map<string, string>> =>
  loadAgencies().then((list) => new Map(list.map((agency) => [agency.agencyId, agency.name])));

/** After an admin registers an agency: lists are asked for again, at least at the position it was written. */
export function forgetAgencies(position: string | null): void {
  agencies.clear();
  if (position) agenciesAt = position;
}
