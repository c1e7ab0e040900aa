import { WorkingCalendar } from '../../platform/domain/working-days';
import { RegionCatalogue } from '../../regions/region-catalogue';

/** Working days allowed per step (LAPOR!'s rules by default); configurable per deployment. */
export interface DeadlineRules {
  readonly verificationDays: number;
  readonly followUpDays: number;
  readonly autoCloseDays: number;
  readonly reopenWindowDays: number;
}

/** What decide needs besides the command and the state: reference data and rules, all pure to call. */
export interface AspirationDeps {
  readonly regions: RegionCatalogue;
  readonly calendar: WorkingCalendar;
  readonly rules: DeadlineRules;
}

/** Deadlines are computed here and stored in events, so a replay never depends on today's holiday table. */
export const dueAfter = (
  deps: AspirationDeps,
  now: Date,
  rule: keyof DeadlineRules,
  regionCode: string,
): string => deps.calendar.addWorkingDays(now, deps.rules[rule], regionCode).toISOString();

/** A due instant is the last moment still in time: it has passed only strictly after it. */
export const hasPassed = (now: Date, dueAt: string): boolean => now.getTime() > Date.parse(dueAt);
