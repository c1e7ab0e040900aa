import { createIndonesianCalendar } from '../platform/domain/working-days';
import { dueActions, dueRange, DueRules } from './due-work';
import { inProgress, thread } from './testing/threads';

// The real holiday calendar: Friday 16 January 2026 is a public holiday. Kasongan Baru is on WIB (UTC+7).
const calendar = createIndonesianCalendar();
const rules: DueRules = { calendar, reminderLeadWorkingDays: 1 };
const verificationDue = '2026-01-14T16:59:59.999Z'; // end of Wednesday 14 January, WIB
const at = (iso: string) => new Date(iso);
const kinds = (actions: { kind: string }[]) => actions.map((action) => action.kind);

describe('what is due at a time, for a thread', () => {
  it('reminds of the open deadline from the start of the last working day before it', () => {
    const submitted = thread();
    expect(dueActions(submitted, at('2026-01-12T16:59:59.999Z'), rules)).toEqual([]); // Monday 23:59 WIB
    expect(dueActions(submitted, at('2026-01-12T17:00:00.000Z'), rules)).toEqual([
      { kind: 'remind', aspirationId: 'asp-1', stage: 'verification', dueAt: verificationDue },
    ]);
    expect(kinds(dueActions(submitted, at(verificationDue), rules))).toEqual(['remind']);
  });

  it('counts working days: a holiday before the deadline brings the reminder forward', () => {
    const dueMonday = inProgress('2026-01-19T16:59:59.999Z'); // Friday 16 is a holiday
    expect(dueActions(dueMonday, at('2026-01-14T16:59:59.999Z'), rules)).toEqual([]);
    expect(dueActions(dueMonday, at('2026-01-14T17:00:00.000Z'), rules)).toEqual([
      { kind: 'remind', aspirationId: 'asp-1', stage: 'response', dueAt: '2026-01-19T16:59:59.999Z' },
    ]);
  });

  it('takes the lead from the configuration: 0 reminds on the due day itself', () => {
    const onTheDay = { ...rules, reminderLeadWorkingDays: 0 };
    expect(dueActions(thread(), at('2026-01-13T16:59:59.999Z'), onTheDay)).toEqual([]);
    expect(kinds(dueActions(thread(), at('2026-01-13T17:00:00.000Z'), onTheDay))).toEqual(['remind']);
  });

  it('escalates strictly after the due instant, and no longer reminds', () => {
    expect(dueActions(thread(), at('2026-01-14T17:00:00.000Z'), rules)).toEqual([
      { kind: 'escalate', aspirationId: 'asp-1', stage: 'verification', dueAt: verificationDue },
    ]);
  });

  it('does each thing once: not what the thread says was done for this deadline', () => {
    const reminded = thread({ remindedDeadlines: { verification: verificationDue } });
    expect(dueActions(reminded, at('2026-01-13T03:00:00.000Z'), rules)).toEqual([]);
    const escalated = thread({ escalatedDeadlines: { verification: verificationDue } });
    expect(dueActions(escalated, at('2026-01-20T03:00:00.000Z'), rules)).toEqual([]);
  });

  it('escalates the response deadline of an agency that has not answered', () => {
    const waiting = inProgress('2026-01-20T16:59:59.999Z');
    expect(dueActions(waiting, at('2026-01-21T01:00:00.000Z'), rules)).toEqual([
      { kind: 'escalate', aspirationId: 'asp-1', stage: 'response', dueAt: '2026-01-20T16:59:59.999Z' },
    ]);
  });

  it('closes after the quiet period that follows a response, resolved or not', () => {
    const autoCloseDueAt = '2026-01-29T16:59:59.999Z';
    const answered = { followUpDueAt: null, dueAt: null, autoCloseDueAt };
    for (const status of ['in_progress', 'resolved'] as const) {
      const quiet = thread({ ...answered, status, agencyId: 'dinas-pupr' });
      expect(dueActions(quiet, at(autoCloseDueAt), rules)).toEqual([]);
      expect(dueActions(quiet, at('2026-01-29T17:00:00.000Z'), rules)).toEqual([
        { kind: 'close', aspirationId: 'asp-1', dueAt: autoCloseDueAt },
      ]);
    }
  });

  it('has nothing to do for a thread that waits on nobody, or one written before the scheduler', () => {
    const late = at('2026-03-01T00:00:00.000Z');
    for (const status of ['verified', 'rejected', 'closed'] as const)
      expect(dueActions(thread({ status, dueAt: null }), late, rules)).toEqual([]);
    const { remindBeforeMs: _r, escalateAfterMs: _e, autoCloseAfterMs: _a, ...older } = thread();
    expect(dueActions(older as ReturnType<typeof thread>, late, rules)).toEqual([]);
  });
});

describe('which range of a work field may be due', () => {
  it('is everything up to the instant before now for escalations and automatic closes', () => {
    const now = at('2026-01-21T01:00:00.000Z');
    expect(dueRange('escalate', now, rules)).toEqual({ max: now.getTime() - 1 });
    expect(dueRange('close', now, rules)).toEqual({ max: now.getTime() - 1 });
  });

  it('reaches for reminders as far as the zone whose working day ends last', () => {
    // Tuesday 23:00 WIB is already Wednesday in WITA and WIT: their next working day ends later.
    const now = at('2026-01-13T16:00:00.000Z');
    expect(dueRange('remind', now, rules)).toEqual({
      min: now.getTime(),
      max: Date.parse('2026-01-15T15:59:59.999Z'), // end of Thursday WITA
    });
  });
});
