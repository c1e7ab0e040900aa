import { schedulerConfigFromEnv } from './scheduler.config';

describe('the deadline scheduler configuration', () => {
  it('leaves every setting to its default when unset', () => {
    expect(schedulerConfigFromEnv({})).toEqual({});
  });

  it('reads the interval in seconds and the reminder lead in working days', () => {
    expect(
      schedulerConfigFromEnv({
        SUARA_SCHEDULER_INTERVAL_SECONDS: '0.5',
        SUARA_REMINDER_LEAD_WORKING_DAYS: '0',
      }),
    ).toEqual({ intervalMs: 500, reminderLeadWorkingDays: 0 });
    expect(schedulerConfigFromEnv({ SUARA_REMINDER_LEAD_WORKING_DAYS: '2' })).toEqual({
      reminderLeadWorkingDays: 2,
    });
  });

  it('refuses an interval that is not a positive number', () => {
    for (const seconds of ['0', '-5', 'sixty', '', ' ', 'Infinity'])
      expect(() => schedulerConfigFromEnv({ SUARA_SCHEDULER_INTERVAL_SECONDS: seconds })).toThrow(
        /SUARA_SCHEDULER_INTERVAL_SECONDS/,
      );
  });

  it('refuses a lead that is not a whole number of working days within a month', () => {
    for (const lead of ['-1', '1.5', 'satu', '', '21', '1e1'])
      expect(() => schedulerConfigFromEnv({ SUARA_REMINDER_LEAD_WORKING_DAYS: lead })).toThrow(
        /SUARA_REMINDER_LEAD_WORKING_DAYS/,
      );
  });
});
