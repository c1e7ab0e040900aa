import { storedPosition } from '../../platform/document-store/positions';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { NOTHING_DUE, ThreadDocument, ThreadMessage, TimelineEntry } from './thread.document';
import { deadlineWork } from './thread-deadlines';
import { Change, ErasedCheck, noOneErased, stepOf, timelineEntry } from './thread-step';

// The thread read model's fold, pure: the aspirations projection (projections/aspirations) applies it event by
// event, and the as-of detail (time travel, src/aspirations/history) folds a stream's prefix with it.

export type { ErasedCheck };

const stamped = (event: ProjectedEvent) => ({
  lastPosition: storedPosition(event.position),
  updatedAt: event.occurredAt,
});

/** What follows from the status and deadlines after a change, the deadline scheduler's work included. */
const settled = (thread: ThreadDocument) => ({
  published: thread.visibility === 'public' && !['submitted', 'rejected'].includes(thread.status),
  dueSort: thread.dueAt ?? NOTHING_DUE,
  ...deadlineWork(thread),
});

const hiddenIn = (messages: readonly ThreadMessage[], hide: Change['hide']): readonly ThreadMessage[] =>
  hide ? messages.map((m) => (m.messageId === hide.messageId ? { ...m, hidden: hide.hidden } : m)) : messages;

/**
 * The thread after an aspiration event (or an endorsement of it); unchanged when the event does not apply.
 * `isErased` tells the people erased before this event (AccountErased, projected by erased-people.ts).
 */
export function nextThread(
  event: ProjectedEvent,
  thread: ThreadDocument | undefined,
  isErased: ErasedCheck = noOneErased,
): ThreadDocument | undefined {
  const step = stepOf(event, thread, isErased);
  if (!step) return undefined;
  if (step.kind === 'endorsement') return { ...thread!, endorsements: step.endorsements, ...stamped(event) };
  const next =
    step.kind === 'start'
      ? step.thread
      : {
          ...thread!,
          ...step.set,
          messages: step.add ? [...thread!.messages, step.add] : hiddenIn(thread!.messages, step.hide),
        };
  return {
    ...next,
    ...settled(next),
    timeline: [...next.timeline, timelineEntry(event, next.status, next.agencyId)],
    ...stamped(event),
  };
}

type Draft = ThreadDocument & { messages: ThreadMessage[]; timeline: TimelineEntry[]; endorsements: number };

/**
 * A thread folded from its events in order, as `nextThread` event by event would leave it (fold-thread.spec.ts
 * checks they agree), but growing one draft in place: a 10,000-event stream folds in linear time, not quadratic.
 * What every step overwrites (position, time, and what follows from the status) is set once, after the last.
 */
export function foldThread(
  events: Iterable<ProjectedEvent>,
  isErased: ErasedCheck = noOneErased,
): ThreadDocument | undefined {
  let thread: Draft | undefined;
  let last: ProjectedEvent | undefined;
  const messageAt = new Map<string, number[]>();
  const add = (draft: Draft, message: ThreadMessage) => {
    const at = messageAt.get(message.messageId);
    if (at) at.push(draft.messages.length);
    else messageAt.set(message.messageId, [draft.messages.length]);
    draft.messages.push(message);
  };
  for (const event of events) {
    const step = stepOf(event, thread, isErased);
    if (!step) continue;
    last = event;
    if (step.kind === 'endorsement') {
      thread!.endorsements = step.endorsements;
      continue;
    }
    if (step.kind === 'start') {
      thread = { ...step.thread, messages: [], timeline: [...step.thread.timeline] };
      step.thread.messages.forEach((message) => add(thread!, message));
    } else {
      Object.assign(thread!, step.set);
      if (step.add) add(thread!, step.add);
      for (const i of (step.hide && messageAt.get(step.hide.messageId)) ?? [])
        thread!.messages[i] = { ...thread!.messages[i], hidden: step.hide!.hidden };
    }
    thread!.timeline.push(timelineEntry(event, thread!.status, thread!.agencyId));
  }
  return thread && Object.assign(thread, settled(thread), stamped(last!));
}
