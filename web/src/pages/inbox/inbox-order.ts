import { ThreadSummary } from '../../api/types';

/** The inbox's order: the earliest deadline first, those with nothing due (answered) last, ties by id. */
export function byDue(a: ThreadSummary, b: ThreadSummary): number {
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An item belongs in the inbox while it is with the agency and in progress; a change may bring it or take it away. */
export function withChange(items: readonly ThreadSummary[], agencyId: string, thread: ThreadSummary) {
  const others = items.filter((item) => item.id !== thread.id);
  const belongs = thread.agencyId === agencyId && thread.status === 'in_progress';
  return (belongs ? [...others, thread] : others).sort(byDue);
}
