import { IndonesianTimeZone, utcOffsetHours } from '../../platform/domain/working-days';
import { QuietHours } from './preferences';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * When the quiet period around `now` ends, in the zone's local time; undefined when `now` is not quiet. A period
 * whose end comes before its start runs across midnight (22:00–06:00); one that starts where it ends is none.
 */
export function quietUntil(now: Date, quiet: QuietHours | null, zone: IndonesianTimeZone): Date | undefined {
  if (quiet === null) return undefined;
  const [start, end] = [minutesOf(quiet.start), minutesOf(quiet.end)];
  if (start === end) return undefined;
  const offsetMs = utcOffsetHours(zone) * 60 * MINUTE_MS;
  const local = now.getTime() + offsetMs;
  const minute = Math.floor(local / MINUTE_MS) % DAY_MINUTES;
  const quietNow = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quietNow) return undefined;
  const wait = (end - minute + DAY_MINUTES) % DAY_MINUTES;
  const startOfMinute = Math.floor(local / MINUTE_MS) * MINUTE_MS;
  return new Date(startOfMinute + wait * MINUTE_MS - offsetMs);
}
