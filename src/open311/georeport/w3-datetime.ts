// The w3 note's profile of ISO 8601 (https://www.w3.org/TR/NOTE-datetime), as GeoReport's dates use it: a day,
// or a day and a time with its zone (Z or ±hh:mm). A day alone is read as midnight UTC.
const W3 =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2})))?$/;

function daysIn(year: number, month: number): number {
  const end = new Date(0);
  end.setUTCFullYear(year, month, 0);
  return end.getUTCDate();
}

/** The instant a w3 date-time names, or undefined when it is not one (out-of-range parts included). */
export function parseW3DateTime(text: string): Date | undefined {
  const match = W3.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', , sign, zh = '0', zm = '0'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const [zoneHours, zoneMinutes] = [Number(zh), Number(zm)];
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHours <= 14 &&
    zoneMinutes <= 59;
  if (!valid) return undefined;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  // setUTCFullYear, not Date.UTC, which reads the years 0–99 as 1900–1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, milliseconds);
  return new Date(instant.getTime() - offsetMinutes * 60_000);
}
