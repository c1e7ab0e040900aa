import Holidays from 'date-holidays';

/**
 * Working-day arithmetic for deadlines. Due instant = the END (23:59:59.999 local) of the Nth working day
 * after the local day of `from` (that day itself never counts).
 */
export interface WorkingCalendar {
  addWorkingDays(from: Date, days: number, regionCode: string): Date;
}

/** Indonesia's three zones; none observes daylight saving time. */
export type IndonesianTimeZone = 'WIB' | 'WITA' | 'WIT';

const UTC_OFFSET_HOURS: Record<IndonesianTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** Hours ahead of UTC, all year round. */
export const utcOffsetHours = (zone: IndonesianTimeZone): number => UTC_OFFSET_HOURS[zone];

// Province codes as in idn-area-data's provinces.csv (38 provinces; 91–96 are the Papua provinces).
const PROVINCES_BY_ZONE: Record<IndonesianTimeZone, readonly string[]> = {
  WIB: [
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18',
    '19',
    '21',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '61',
    '62',
  ],
  WITA: ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'],
  WIT: ['81', '82', '91', '92', '93', '94', '95', '96'],
};

const ZONE_OF_PROVINCE = new Map<string, IndonesianTimeZone>(
  (Object.keys(PROVINCES_BY_ZONE) as IndonesianTimeZone[]).flatMap((zone) =>
    PROVINCES_BY_ZONE[zone].map((province) => [province, zone] as const),
  ),
);

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The zone of a region code (any level): decided by its first two digits, the province. */
export function timeZoneOfRegion(regionCode: string): IndonesianTimeZone {
  const zone = ZONE_OF_PROVINCE.get(regionCode.slice(0, 2));
  if (zone === undefined) throw new RangeError(`No time zone for region code "${regionCode}"`);
  return zone;
}

/** Calendar-date key "YYYY-MM-DD" of a UTC-midnight timestamp standing for a local day. */
const dayKey = (localDayMs: number): string => new Date(localDayMs).toISOString().slice(0, 10);

export function createIndonesianCalendar(): WorkingCalendar {
  const holidays = new Holidays('ID');
  const publicHolidaysByYear = new Map<number, ReadonlySet<string>>();

  // The holiday's date string is already the local calendar day (Islamic ones start the eve before).
  const publicHolidays = (year: number): ReadonlySet<string> => {
    let days = publicHolidaysByYear.get(year);
    if (days === undefined) {
      const list = holidays.getHolidays(year).filter((holiday) => holiday.type === 'public');
      days = new Set(list.map((holiday) => holiday.date.slice(0, 10)));
      publicHolidaysByYear.set(year, days);
    }
    return days;
  };

  const isWorkingDay = (localDayMs: number): boolean => {
    const date = new Date(localDayMs);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !publicHolidays(date.getUTCFullYear()).has(dayKey(localDayMs));
  };

  return {
    addWorkingDays(from, days, regionCode) {
      if (!Number.isInteger(days) || days < 0)
        throw new RangeError(`Working days must be a whole number ≥ 0`);
      const offsetMs = UTC_OFFSET_HOURS[timeZoneOfRegion(regionCode)] * HOUR_MS;
      // Shifting by the fixed offset lets UTC getters read the local calendar day.
      let localDayMs = Math.floor((from.getTime() + offsetMs) / DAY_MS) * DAY_MS;
      for (let counted = 0; counted < days;) {
        localDayMs += DAY_MS;
        if (isWorkingDay(localDayMs)) counted++;
      }
      return new Date(localDayMs + DAY_MS - 1 - offsetMs);
    },
  };
}
