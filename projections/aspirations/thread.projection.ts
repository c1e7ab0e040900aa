import { AspirationEvent } from '../../src/aspirations/domain/aspiration.events';
import { erasedActor } from '../../src/aspirations/read-models/erased-person';
import { deadlineWork, recordStage } from '../../src/aspirations/read-models/thread-deadlines';
import {
  NOTHING_DUE,
  normalizedWords,
  regionPrefixes,
  ThreadActor,
  ThreadDocument,
  ThreadMessage,
  ThreadStatus,
  TimelineEntry,
} from '../../src/aspirations/read-models/thread.document';
import { storedPosition } from '../../src/platform/document-store/positions';
import { assertNever } from '../../src/platform/domain/decider';
import { ProjectedEvent } from '../runner/projection';
import { ErasedCheck } from './erased-people';

type Change = Partial<Omit<ThreadDocument, '_id'>>;

const noOneErased: ErasedCheck = () => false;

/**
 * Who acted, as the thread keeps it. Citizens are private persons: one whose key is gone (their id reads as null),
 * or who was erased before this event, shows as erased. Everyone else acts in office and stays named.
 */
function actorOf(event: ProjectedEvent, isErased: ErasedCheck): ThreadActor {
  const { id, role } = event.actor;
  if (role !== 'citizen') return { id, role };
  const erased = event.erased?.includes('metadata.actor') || (id !== null && isErased(id));
  return erased ? erasedActor(role) : { id, role };
}

function submitted(
  event: ProjectedEvent,
  data: Extract<AspirationEvent, { type: 'AspirationSubmitted' }>['data'],
  isErased: ErasedCheck,
): ThreadDocument {
  const message: ThreadMessage = {
    messageId: data.messageId,
    kind: 'submission',
    title: data.title,
    body: data.body,
    at: data.submittedAt,
    actor: actorOf(event, isErased),
  };
  const submitterErased =
    event.erased?.includes('data.submittedBy') === true ||
    (data.submittedBy !== null && isErased(data.submittedBy));
  return {
    _id: data.aspirationId,
    title: data.title,
    category: data.category,
    regionCode: data.regionCode,
    regions: regionPrefixes(data.regionCode),
    visibility: data.visibility,
    anonymous: data.anonymous,
    groupId: data.groupId ?? null,
    submittedBy: submitterErased ? null : data.submittedBy,
    submitterErased,
    onBehalfOf: data.onBehalfOf ?? null,
    status: 'submitted',
    published: false,
    agencyId: null,
    submittedAt: data.submittedAt,
    verificationDueAt: data.verificationDueAt,
    followUpDueAt: null,
    autoCloseDueAt: null,
    reopenUntil: null,
    dueAt: data.verificationDueAt,
    dueSort: data.verificationDueAt,
    remindedDeadlines: {},
    escalatedDeadlines: {},
    assignedAt: null,
    firstRespondedAt: null,
    rating: null,
    endorsements: 0,
    messages: [message],
    timeline: [],
    words: normalizedWords(`${data.title} ${data.body}`),
    lastPosition: '',
    updatedAt: data.submittedAt,
  };
}

const message = (
  event: ProjectedEvent,
  isErased: ErasedCheck,
  kind: 'response' | 'reply',
  data: { messageId: string; body: string },
  at: string,
  agencyId?: string,
): ThreadMessage => ({
  messageId: data.messageId,
  kind,
  body: data.body,
  at,
  actor: actorOf(event, isErased),
  ...(agencyId !== undefined && { agencyId }),
});

/** What an aspiration event changes in its thread; undefined for an event that does not fit (ignored). */
function changeOf(event: ProjectedEvent, thread: ThreadDocument, isErased: ErasedCheck): Change | undefined {
  const e = { type: event.type, data: event.data } as AspirationEvent;
  switch (e.type) {
    case 'AspirationSubmitted':
      return undefined;
    case 'AspirationVerified':
      return { status: 'verified', dueAt: null };
    case 'AspirationRejected':
      return { status: 'rejected', dueAt: null };
    case 'AspirationAssigned':
      return {
        status: 'in_progress',
        agencyId: e.data.agencyId,
        assignedAt: e.data.assignedAt,
        followUpDueAt: e.data.followUpDueAt,
        dueAt: e.data.followUpDueAt,
      };
    case 'AspirationForwarded':
      return {
        agencyId: e.data.toAgencyId,
        followUpDueAt: e.data.followUpDueAt,
        dueAt: e.data.followUpDueAt,
        autoCloseDueAt: null,
      };
    case 'OfficialResponded':
      return {
        messages: [
          ...thread.messages,
          message(event, isErased, 'response', e.data, e.data.respondedAt, e.data.agencyId),
        ],
        firstRespondedAt: thread.firstRespondedAt ?? e.data.respondedAt,
        followUpDueAt: null,
        dueAt: null,
        autoCloseDueAt: e.data.autoCloseDueAt,
      };
    case 'CitizenReplied':
      return {
        messages: [...thread.messages, message(event, isErased, 'reply', e.data, e.data.repliedAt)],
        autoCloseDueAt: null,
      };
    case 'AspirationResolved':
      return { status: 'resolved', reopenUntil: e.data.reopenUntil, dueAt: null };
    case 'AspirationRated':
      return { rating: e.data.rating };
    case 'AspirationReopened':
      return {
        status: 'in_progress',
        followUpDueAt: e.data.followUpDueAt,
        dueAt: e.data.followUpDueAt,
        autoCloseDueAt: null,
        reopenUntil: null,
      };
    case 'AspirationClosed':
      return { status: 'closed', reopenUntil: e.data.reopenUntil, dueAt: null, autoCloseDueAt: null };
    case 'MessageHidden': {
      const hidden = { reason: e.data.reason, at: e.data.hiddenAt };
      const messages = thread.messages.map((m) => (m.messageId === e.data.messageId ? { ...m, hidden } : m));
      // A hidden submission can no longer be found by its words.
      const submissionHidden = thread.messages[0]?.messageId === e.data.messageId;
      return { messages, ...(submissionHidden && { words: [] }) };
    }
    case 'AspirationEscalated': {
      const escalatedDeadlines = recordStage(thread, thread.escalatedDeadlines, e.data.stage);
      if (e.data.stage !== 'response' || e.data.toAgencyId === null || !e.data.followUpDueAt)
        return { escalatedDeadlines };
      return {
        escalatedDeadlines,
        agencyId: e.data.toAgencyId,
        followUpDueAt: e.data.followUpDueAt,
        dueAt: e.data.followUpDueAt,
        autoCloseDueAt: null,
      };
    }
    case 'DeadlineReminderIssued':
      return { remindedDeadlines: { ...thread.remindedDeadlines, [e.data.stage]: e.data.dueAt } };
    default:
      return assertNever(e);
  }
}

const reasonOf = (data: Record<string, unknown>) =>
  typeof data.reason === 'string' ? data.reason : typeof data.summary === 'string' ? data.summary : undefined;

function timelineEntry(event: ProjectedEvent, status: ThreadStatus, agencyId: string | null): TimelineEntry {
  const reason = reasonOf(event.data);
  return {
    type: event.type,
    at: event.occurredAt,
    status,
    position: event.position.toString(),
    ...(agencyId !== null && { agencyId }),
    ...(reason !== undefined && event.type !== 'MessageHidden' && { reason }),
  };
}

/**
 * The thread after an aspiration event (or an endorsement of it); unchanged when the event does not apply.
 * `isErased` tells the people erased before this event (AccountErased, projected by erased-people.ts).
 */
export function nextThread(
  event: ProjectedEvent,
  thread: ThreadDocument | undefined,
  isErased: ErasedCheck = noOneErased,
): ThreadDocument | undefined {
  let next: ThreadDocument | undefined;
  if (event.type === 'AspirationEndorsed' || event.type === 'EndorsementWithdrawn') {
    if (!thread) return undefined;
    next = {
      ...thread,
      endorsements: Math.max(0, thread.endorsements + (event.type === 'AspirationEndorsed' ? 1 : -1)),
    };
    return { ...next, lastPosition: storedPosition(event.position), updatedAt: event.occurredAt };
  }
  if (event.type === 'AspirationSubmitted') {
    if (thread) return undefined;
    const data = event.data as Extract<AspirationEvent, { type: 'AspirationSubmitted' }>['data'];
    next = submitted(event, data, isErased);
  } else {
    const change = thread && changeOf(event, thread, isErased);
    if (!thread || !change) return undefined;
    next = { ...thread, ...change };
  }
  const published = next.visibility === 'public' && !['submitted', 'rejected'].includes(next.status);
  return {
    ...next,
    published,
    dueSort: next.dueAt ?? NOTHING_DUE,
    ...deadlineWork(next),
    timeline: [...next.timeline, timelineEntry(event, next.status, next.agencyId)],
    lastPosition: storedPosition(event.position),
    updatedAt: event.occurredAt,
  };
}
