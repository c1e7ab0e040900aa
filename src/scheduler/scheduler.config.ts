/** How the deadline scheduler runs; every instance of a deployment should use the same settings. */
export interface SchedulerConfig {
  /** How often the lease holder looks for due deadlines (it also looks at once when it takes the lease). */
  readonly intervalMs: number;
  /** A deadline is reminded of once no more than this many working days remain after today (0: on the due day). */
  readonly reminderLeadWorkingDays: number;
}

export const SCHEDULER_DEFAULTS: SchedulerConfig = { intervalMs: 60_000, reminderLeadWorkingDays: 1 };

const MAX_LEAD_WORKING_DAYS = 20;

/** SUARA_SCHEDULER_INTERVAL_SECONDS and SUARA_REMINDER_LEAD_WORKING_DAYS; unset ones take the defaults. */
export function schedulerConfigFromEnv(env: NodeJS.ProcessEnv): Partial<SchedulerConfig> {
  const config: { -readonly [K in keyof SchedulerConfig]?: SchedulerConfig[K] } = {};
  const seconds = env.SUARA_SCHEDULER_INTERVAL_SECONDS;
  if (seconds !== undefined) {
    const value = Number(seconds);
    if (seconds.trim() === '' || !Number.isFinite(value) || value <= 0)
      throw new Error(`SUARA_SCHEDULER_INTERVAL_SECONDS must be a positive number, got "${seconds}"`);
    config.intervalMs = Math.round(value * 1000);
  }
  const lead = env.SUARA_REMINDER_LEAD_WORKING_DAYS;
  if (lead !== undefined) {
    const value = Number(lead);
    if (!/^\d+$/.test(lead) || value > MAX_LEAD_WORKING_DAYS)
      throw new Error(
        `SUARA_REMINDER_LEAD_WORKING_DAYS must be a whole number from 0 to ${MAX_LEAD_WORKING_DAYS}, got "${lead}"`,
      );
    config.reminderLeadWorkingDays = value;
  }
  return config;
}
