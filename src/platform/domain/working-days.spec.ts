import Holidays from 'date-holidays';
import { loadRegionCatalogue } from '../../regions/region-catalogue';
import { createIndonesianCalendar, timeZoneOfRegion } from './working-days';

const KATINGAN = '62.06'; // Kalimantan Tengah: WIB
const BADUNG = '51.03'; // Bali: WITA
const JAYAPURA = '91.03'; // Papua: WIT

describe('Indonesian working calendar', () => {
  const calendar = createIndonesianCalendar();
  const due = (from: string, days: number, region = KATINGAN) =>
    calendar.addWorkingDays(new Date(from), days, region).toISOString();

  it('counts from the day after a Friday submission, skipping the weekend', () => {
    // Friday 9 January 2026, 10:00 WIB → Mon 12, Tue 13, Wed 14; due at the end of Wednesday, WIB.
    expect(due('2026-01-09T03:00:00Z', 3)).toBe('2026-01-14T16:59:59.999Z');
  });

  it('never counts the submission day itself, even early on a working day', () => {
    // Monday 12 January 2026, 07:00 WIB → Tue 13 is the first working day.
    expect(due('2026-01-12T00:00:00Z', 1)).toBe('2026-01-13T16:59:59.999Z');
  });

  it('starts a weekend submission on Monday', () => {
    expect(due('2026-01-10T05:00:00Z', 1)).toBe('2026-01-12T16:59:59.999Z');
  });

  it('skips Independence Day (Monday 17 August 2026)', () => {
    const independenceDay = new Holidays('ID')
      .getHolidays(2026)
      .find((holiday) => holiday.date.startsWith('2026-08-17'));
    expect(independenceDay?.type).toBe('public');
    // Friday 14 August → Tue 18, Wed 19, Thu 20.
    expect(due('2026-08-14T02:00:00Z', 3)).toBe('2026-08-20T16:59:59.999Z');
  });

  it('skips consecutive holidays: Nyepi and Idul Fitri in March 2026', () => {
    const publicDays = new Holidays('ID')
      .getHolidays(2026)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10));
    expect(publicDays).toEqual(expect.arrayContaining(['2026-03-19', '2026-03-20']));
    // Wednesday 18 March → (Thu 19, Fri 20 holidays, weekend) Mon 23, Tue 24, Wed 25.
    expect(due('2026-03-18T02:00:00Z', 3)).toBe('2026-03-25T16:59:59.999Z');
  });

  it('crosses a year boundary, skipping New Year’s Day', () => {
    // Wednesday 31 December 2025 → (Thu 1 January holiday) Fri 2, Mon 5, Tue 6.
    expect(due('2025-12-31T02:00:00Z', 3)).toBe('2026-01-06T16:59:59.999Z');
  });

  it('ends the day in the region’s own zone: WIB, WITA and WIT differ by an hour each', () => {
    expect(due('2026-01-09T03:00:00Z', 3, KATINGAN)).toBe('2026-01-14T16:59:59.999Z');
    expect(due('2026-01-09T03:00:00Z', 3, BADUNG)).toBe('2026-01-14T15:59:59.999Z');
    expect(due('2026-01-09T03:00:00Z', 3, JAYAPURA)).toBe('2026-01-14T14:59:59.999Z');
  });

  it('reads the submission day in local time: 23:30 WIB Thursday is already Friday in WITA', () => {
    const lateThursdayWib = '2026-01-08T16:30:00Z';
    expect(due(lateThursdayWib, 3, KATINGAN)).toBe('2026-01-13T16:59:59.999Z');
    expect(due(lateThursdayWib, 3, BADUNG)).toBe('2026-01-14T15:59:59.999Z');
  });

  it('with zero days, ends the local day of `from`', () => {
    expect(due('2026-01-10T05:00:00Z', 0)).toBe('2026-01-10T16:59:59.999Z');
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => due('2026-01-09T03:00:00Z', -1)).toThrow(RangeError);
    expect(() => due('2026-01-09T03:00:00Z', 1.5)).toThrow(RangeError);
  });

  it('refuses a region code of no known province', () => {
    expect(() => due('2026-01-09T03:00:00Z', 3, '99.01')).toThrow(RangeError);
  });

  it('looks up the holidays of a year once', () => {
    const lookups = jest.spyOn(Holidays.prototype, 'getHolidays');
    try {
      const fresh = createIndonesianCalendar();
      fresh.addWorkingDays(new Date('2026-01-09T03:00:00Z'), 10, KATINGAN);
      fresh.addWorkingDays(new Date('2026-02-09T03:00:00Z'), 10, BADUNG);
      expect(lookups.mock.calls.map(([year]) => year)).toEqual([2026]);
    } finally {
      lookups.mockRestore();
    }
  });
});

describe('timeZoneOfRegion', () => {
  it('maps every province of the national list to a zone', () => {
    const provinces = loadRegionCatalogue().codesAt('province');
    expect(provinces).toHaveLength(38);
    for (const province of provinces) expect(['WIB', 'WITA', 'WIT']).toContain(timeZoneOfRegion(province));
  });

  it.each([
    ['62.06.02.1003', 'WIB'],
    ['31', 'WIB'],
    ['61.01', 'WIB'],
    ['51', 'WITA'],
    ['63.01', 'WITA'],
    ['76', 'WITA'],
    ['81', 'WIT'],
    ['96', 'WIT'],
  ])('%s is in %s', (code, zone) => {
    expect(timeZoneOfRegion(code)).toBe(zone);
  });
});
