import fc from 'fast-check';
import { loadRegionCatalogue } from './region-catalogue';
import { childRegions, foldName, MAX_SEARCH_RESULTS, regionEntry, searchRegions } from './region-search';

describe('region search and tree', () => {
  const regions = loadRegionCatalogue();

  it('describes a region with where it lies and its time zone', () => {
    expect(regionEntry(regions, '62.06.02.1003')).toEqual({
      code: '62.06.02.1003',
      name: 'Kasongan Baru',
      level: 'village',
      parentCode: '62.06.02',
      path: ['Kalimantan Tengah', 'Kabupaten Katingan', 'Katingan Hilir'],
      timeZone: 'WIB',
      hasChildren: false,
    });
    expect(regionEntry(regions, '51')).toMatchObject({
      name: 'Bali',
      parentCode: null,
      path: [],
      timeZone: 'WITA',
    });
  });

  it('lists the provinces at the top and the children of a region below it', () => {
    expect(childRegions(regions)).toHaveLength(38);
    const katingan = childRegions(regions, '62.06');
    expect(katingan).toHaveLength(13);
    expect(katingan.map((r) => r.code)).toContain('62.06.02');
    expect(katingan.every((r) => r.parentCode === '62.06' && r.level === 'district' && r.hasChildren)).toBe(
      true,
    );
    expect(childRegions(regions, '62.06.02.1003')).toEqual([]);
  });

  it('finds villages by name, ignoring case, and puts the closest names first', () => {
    const found = searchRegions(regions, 'KASONGAN');
    expect(found.slice(0, 2).map((r) => r.name)).toEqual(['Kasongan Baru', 'Kasongan Lama']);
    expect(searchRegions(regions, 'katingan').map((r) => r.code)[0]).toBe('62.06.02');
    expect(searchRegions(regions, 'kasongan baru').map((r) => r.code)).toEqual(['62.06.02.1003']);
  });

  it('searches within a region when asked', () => {
    const found = searchRegions(regions, 'baru', { within: '62.06' });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.code.startsWith('62.06.'))).toBe(true);
  });

  it('never answers more than the bound, nor for a query without words', () => {
    expect(searchRegions(regions, 'a', { limit: 500 })).toHaveLength(MAX_SEARCH_RESULTS);
    expect(searchRegions(regions, '   ')).toEqual([]);
  });

  it('folds any text without throwing, and every result contains the folded words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (query) => {
        const words = foldName(query).split(' ').filter(Boolean);
        for (const region of searchRegions(regions, query, { limit: 5 }))
          for (const word of words) expect(foldName(region.name)).toContain(word);
      }),
      { numRuns: 50 },
    );
  });
});
