import { readFileSync } from 'node:fs';
import path from 'node:path';
import { timeZoneOfRegion } from '../src/platform/domain/working-days';
import { zoneOfRegion } from '../web/src/ui/time-zone';

const provinces = readFileSync(
  path.resolve(__dirname, '../node_modules/idn-area-data/data/provinces.csv'),
  'utf8',
)
  .split('\n')
  .slice(1)
  .map((line) => line.split(',')[0])
  .filter((code) => /^\d{2}$/.test(code));

describe('the web app’s time zone of a region', () => {
  it('agrees with the server for every one of the 38 provinces, at every level below them', () => {
    expect(provinces).toHaveLength(38);
    for (const province of provinces)
      for (const code of [province, `${province}.01`, `${province}.01.02`, `${province}.01.02.2001`])
        expect({ code, zone: zoneOfRegion(code) }).toEqual({ code, zone: timeZoneOfRegion(code) });
  });

  it('reads Katingan as WIB, Badung as WITA and Jayapura as WIT', () => {
    expect(['62.06.02.1003', '51.03', '91.71'].map(zoneOfRegion)).toEqual(['WIB', 'WITA', 'WIT']);
  });
});
