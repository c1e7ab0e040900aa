import { hasPassed } from '../aspirations/domain/aspiration.deadlines';
import { openDeadline } from '../aspirations/read-models/thread-deadlines';
import { ThreadDocument } from '../aspirations/read-models/thread.document';
import { Filter } from '../platform/document-store/document-store.port';
import { IndonesianTimeZone, WorkingCalendar } from '../platform/domain/working-days';
import { DeadlineAction, DeadlineActionKind } from './deadline-action';

export interface DueRules {
  readonly calendar: WorkingCalendar;
  readonly reminderLeadWorkingDays: number;
}

/** Which field of a thread holds each kind of work (thread-deadlines.ts keeps them, as epoch milliseconds). */
export const WORK_FIELDS = {
  escalate: 'escalateAfterMs',
  close: 'autoCloseAfterMs',
  remind: 'remindBeforeMs',
} as const satisfies Record<DeadlineActionKind, keyof ThreadDocument>;

/** A province of each zone: the calendar needs a region to tell the zone. */
const ZONE_REGIONS: Record<IndonesianTimeZone, string> = { WIB: '31', WITA: '51', WIT: '91' };

/** A reminder is due once no more than the lead in working days remains after today, in the region's calendar. */
const reminderWindowOpen = (now: Date, dueAt: string, regionCode: string, rules: DueRules): boolean =>
  rules.calendar.addWorkingDays(now, rules.reminderLeadWorkingDays, regionCode).getTime() >=
  Date.parse(dueAt);

/** What is due at `now` for a thread: exactly what the aspiration's decider will accept from the scheduler. */
export function dueActions(thread: ThreadDocument, now: Date, rules: DueRules): DeadlineAction[] {
  const aspirationId = thread._id;
  const actions: DeadlineAction[] = [];
  const open = openDeadline(thread);
  if (open && typeof thread.escalateAfterMs === 'number' && hasPassed(now, open.dueAt))
    actions.push({ kind: 'escalate', aspirationId, ...open });
  if (
    open &&
    typeof thread.remindBeforeMs === 'number' &&
    !hasPassed(now, open.dueAt) &&
    reminderWindowOpen(now, open.dueAt, thread.regionCode, rules)
  )
    actions.push({ kind: 'remind', aspirationId, ...open });
  if (
    typeof thread.autoCloseAfterMs === 'number' &&
    thread.autoCloseDueAt &&
    hasPassed(now, thread.autoCloseDueAt)
  )
    actions.push({ kind: 'close', aspirationId, dueAt: thread.autoCloseDueAt });
  return actions;
}

/** Inclusive bounds, in epoch milliseconds, of a work field that may be due at `now`. */
export function dueRange(
  kind: DeadlineActionKind,
  now: Date,
  rules: DueRules,
): { min?: number; max: number } {
  const nowMs = now.getTime();
  // Strictly after the due instant, as the decider counts a deadline passed.
  if (kind !== 'remind') return { max: nowMs - 1 };
  // Not yet passed, and within the lead in the zone whose working day ends last.
  const ends = Object.values(ZONE_REGIONS).map((region) =>
    rules.calendar.addWorkingDays(now, rules.reminderLeadWorkingDays, region).getTime(),
  );
  return { min: nowMs, max: Math.max(...ends) };
}

/** Where a page of due threads continues: after the last one read, in (due, id) order. */
export interface PageCursor {
  readonly dueMs: number;
  readonly id: string;
}

/**
 * One page of the threads whose `kind` of work falls in the range, in due order then by id. Each bound is its own
 * $and branch, so the embedded store narrows rows by the field's index and only ties at the cursor are re-read.
 */
export function duePage(
  kind: DeadlineActionKind,
  range: { min?: number; max: number },
  after: PageCursor | undefined,
): Filter {
  const field = WORK_FIELDS[kind];
  const min = after?.dueMs ?? range.min;
  const bounds: Filter[] = [
    ...(min === undefined ? [] : [{ [field]: { $gte: min } }]),
    { [field]: { $lte: range.max } },
  ];
  if (after) bounds.push({ $or: [{ [field]: { $gt: after.dueMs } }, { _id: { $gt: after.id } }] });
  return { $and: bounds };
}
