import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv';

export type RegionLevel = 'province' | 'regency' | 'district' | 'village';

/** Indonesia's administrative areas (Kemendagri codes such as "62.06.02.1003"). */
export interface RegionCatalogue {
  has(code: string): boolean;
  nameOf(code: string): string | undefined;
  level(code: string): RegionLevel | undefined;
  /** The code one level up; undefined for a province or an unknown code. */
  parentOf(code: string): string | undefined;
  /** The codes one level down, in file order; empty for a village or an unknown code. */
  childrenOf(code: string): readonly string[];
  /** Every code of a level, in file order. */
  codesAt(level: RegionLevel): readonly string[];
}

interface Region {
  readonly name: string;
  readonly level: RegionLevel;
  readonly parent?: string;
}

const FILES: ReadonlyArray<{ level: RegionLevel; file: string; parentColumn?: string }> = [
  { level: 'province', file: 'provinces.csv' },
  { level: 'regency', file: 'regencies.csv', parentColumn: 'province_code' },
  { level: 'district', file: 'districts.csv', parentColumn: 'regency_code' },
  { level: 'village', file: 'villages.csv', parentColumn: 'district_code' },
];

/** The idn-area-data CSV folder. Its JS API needs Node 22, so only its data files are read, never imported. */
export function defaultRegionDataDir(): string {
  const candidates = [
    () => path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data'),
    () => path.dirname(require.resolve('idn-area-data/data/provinces.csv')),
    () => path.join(process.cwd(), 'node_modules/idn-area-data/data'),
  ];
  for (const candidate of candidates) {
    try {
      const dir = candidate();
      if (existsSync(path.join(dir, 'provinces.csv'))) return dir;
    } catch {
      // An exports map may forbid the subpath; try the next way.
    }
  }
  throw new Error('The idn-area-data CSV files were not found; is the package installed?');
}

function readLevel(dir: string, spec: (typeof FILES)[number]): Array<[string, Region]> {
  const [header, ...rows] = parseCsv(readFileSync(path.join(dir, spec.file), 'utf8'));
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${spec.file} has no column "${name}"`);
    return index;
  };
  const [code, name] = [column('code'), column('name')];
  const parent = spec.parentColumn === undefined ? undefined : column(spec.parentColumn);
  return rows.map((row) => [
    row[code],
    { name: row[name], level: spec.level, parent: parent === undefined ? undefined : row[parent] },
  ]);
}

function buildCatalogue(dir: string): RegionCatalogue {
  const regions = new Map<string, Region>();
  const children = new Map<string, string[]>();
  const byLevel = new Map<RegionLevel, string[]>(FILES.map(({ level }) => [level, []]));
  for (const spec of FILES) {
    for (const [code, region] of readLevel(dir, spec)) {
      if (region.parent !== undefined && !regions.has(region.parent)) {
        throw new Error(`${spec.file}: ${code} names an unknown parent ${region.parent}`);
      }
      regions.set(code, region);
      byLevel.get(spec.level)!.push(code);
      if (region.parent === undefined) continue;
      const siblings = children.get(region.parent);
      if (siblings === undefined) children.set(region.parent, [code]);
      else siblings.push(code);
    }
  }
  return {
    has: (code) => regions.has(code),
    nameOf: (code) => regions.get(code)?.name,
    level: (code) => regions.get(code)?.level,
    parentOf: (code) => regions.get(code)?.parent,
    childrenOf: (code) => children.get(code) ?? [],
    codesAt: (level) => byLevel.get(level)!,
  };
}

const loaded = new Map<string, RegionCatalogue>();

/** Reads the national list once per folder (synchronously, at startup) and keeps it in memory. */
export function loadRegionCatalogue(dataDir: string = defaultRegionDataDir()): RegionCatalogue {
  const dir = path.resolve(dataDir);
  let catalogue = loaded.get(dir);
  if (catalogue === undefined) {
    catalogue = buildCatalogue(dir);
    loaded.set(dir, catalogue);
  }
  return catalogue;
}
