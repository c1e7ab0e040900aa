import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultRegionDataDir, loadRegionCatalogue } from './region-catalogue';

describe('region catalogue (idn-area-data)', () => {
  const regions = loadRegionCatalogue();

  it('holds the full national list', () => {
    expect(regions.codesAt('province')).toHaveLength(38);
    expect(regions.codesAt('regency')).toHaveLength(514);
    expect(regions.codesAt('district')).toHaveLength(7285);
    expect(regions.codesAt('village')).toHaveLength(83762);
  });

  it('knows Kasongan Baru, in Katingan Hilir, Kabupaten Katingan, Kalimantan Tengah', () => {
    expect(regions.nameOf('62.06.02.1003')).toBe('Kasongan Baru');
    expect(regions.level('62.06.02.1003')).toBe('village');
    expect(regions.parentOf('62.06.02.1003')).toBe('62.06.02');
    expect(regions.nameOf('62.06.02')).toBe('Katingan Hilir');
    expect(regions.level('62.06.02')).toBe('district');
    expect(regions.nameOf('62.06')).toBe('Kabupaten Katingan');
    expect(regions.level('62.06')).toBe('regency');
    expect(regions.nameOf('62')).toBe('Kalimantan Tengah');
    expect(regions.level('62')).toBe('province');
    expect(regions.parentOf('62')).toBeUndefined();
  });

  it('counts 13 districts and 161 villages in Katingan', () => {
    const districts = regions.childrenOf('62.06');
    expect(districts).toHaveLength(13);
    expect(districts.flatMap((district) => regions.childrenOf(district))).toHaveLength(161);
  });

  it('reads quoted names with commas and doubled quotes', () => {
    expect(regions.nameOf('12.07.28.1007')).toBe('Lubuk Pakam I,II');
    expect(regions.nameOf('35.13.15.2017')).toBe('Soka"an');
    expect(regions.nameOf('35.29.22')).toBe('Ra"as');
  });

  it.each(['', '99', '62.99', '62.06.02.9999', '62.6', ' 62.06', '62.06.02.1003.1'])(
    'rejects the unknown code "%s"',
    (code) => {
      expect(regions.has(code)).toBe(false);
      expect(regions.nameOf(code)).toBeUndefined();
      expect(regions.level(code)).toBeUndefined();
      expect(regions.parentOf(code)).toBeUndefined();
      expect(regions.childrenOf(code)).toEqual([]);
    },
  );

  it('has no children below a village', () => {
    expect(regions.has('62.06.02.1003')).toBe(true);
    expect(regions.childrenOf('62.06.02.1003')).toEqual([]);
  });

  it('loads each folder once', () => {
    expect(loadRegionCatalogue()).toBe(regions);
    expect(loadRegionCatalogue(defaultRegionDataDir())).toBe(regions);
  });

  it('reads another folder with the same layout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regions-'));
    writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\n62,Kalimantan Tengah\n');
    writeFileSync(path.join(dir, 'regencies.csv'), 'code,province_code,name\n62.06,62,Kabupaten Katingan\n');
    writeFileSync(path.join(dir, 'districts.csv'), 'code,regency_code,name\n62.06.02,62.06,Katingan Hilir\n');
    writeFileSync(
      path.join(dir, 'villages.csv'),
      'code,district_code,name\n62.06.02.1003,62.06.02,"Kasongan, Baru"\n',
    );
    const small = loadRegionCatalogue(dir);
    expect(small.codesAt('village')).toEqual(['62.06.02.1003']);
    expect(small.nameOf('62.06.02.1003')).toBe('Kasongan, Baru');
    expect(small.has('11')).toBe(false);
  });

  it('refuses a file whose row names an unknown parent', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'regions-'));
    writeFileSync(path.join(dir, 'provinces.csv'), 'code,name\n62,Kalimantan Tengah\n');
    writeFileSync(
      path.join(dir, 'regencies.csv'),
      'code,province_code,name\n63.01,63,Kabupaten Tanah Laut\n',
    );
    writeFileSync(path.join(dir, 'districts.csv'), 'code,regency_code,name\n');
    writeFileSync(path.join(dir, 'villages.csv'), 'code,district_code,name\n');
    expect(() => loadRegionCatalogue(dir)).toThrow(/unknown parent 63/);
  });
});
