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

export const loadAgencies = (region?: string): Promise<Agency[]> =>
  api<{ items: Agency[] }>(`/api/agencies${region ? `?region=${encodeURIComponent(region)}` : ''}`, {
    anonymous: true,
  }).then((r) => r.items);
