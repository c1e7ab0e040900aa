import { assertNever } from '../../platform/domain/decider';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { AspirationEvent } from '../domain/aspiration.events';
import { erasedActor } from './erased-person';
import { recordStage } from './thread-deadlines';
import {
  normalizedWords,
  regionPrefixes,
  ThreadActor,
  ThreadDocument,
  ThreadMessage,
  ThreadStatus,
  TimelineEntry,
} from './thread.document';

// What one event does to a thread of the read model, pure; thread-fold.ts applies it.

/** Whether a person was erased before the event being folded. */
export type ErasedCheck = (personId: string) => boolean;

/** What an event changes in its thread: fields to set, and a message to add or to mark hidden. */
export interface Change {
  readonly set: Partial<Omit<ThreadDocument, '_id' | 'messages' | 'timeline'>>;
  readonly add?: ThreadMessage;
  readonly hide?: { readonly messageId: string; readonly hidden: NonNullable<ThreadMessage['hidden']> };
}

export const noOneErased: ErasedCheck = () => false;

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
    groupName: data.groupName ?? null,
    groupSignatures: data.groupSignatures ?? null,
    groupDraftId: data.groupDraftId ?? null,
    monitoringReportId: data.monitoringReportId ?? null,
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
  data: { messageId: string; body: string; relayedForVillager?: true },
  at: string,
  agencyId?: string,
): ThreadMessage => ({
  messageId: data.messageId,
  kind,
  body: data.body,
  at,
  actor: actorOf(event, isErased),
  ...(agencyId !== undefined && { agencyId }),
  ...(data.relayedForVillager === true && { relayedForVillager: true as const }),
});

/** What an aspiration event changes in its thread; undefined for an event that does not fit (ignored). */
function changeOf(event: ProjectedEvent, thread: ThreadDocument, isErased: ErasedCheck): Change | undefined {
  const e = { type: event.type, data: event.data } as AspirationEvent;
  switch (e.type) {
    case 'AspirationSubmitted':
      return undefined;
    case 'AspirationVerified':
      return { set: { status: 'verified', dueAt: null } };
    case 'AspirationRejected':
      return { set: { status: 'rejected', dueAt: null } };
    case 'AspirationAssigned':
      return {
        set: {
          status: 'in_progress',
          agencyId: e.data.agencyId,
          assignedAt: e.data.assignedAt,
          followUpDueAt: e.data.followUpDueAt,
          dueAt: e.data.followUpDueAt,
        },
      };
    case 'AspirationForwarded':
      return {
        set: {
          agencyId: e.data.toAgencyId,
          followUpDueAt: e.data.followUpDueAt,
          dueAt: e.data.followUpDueAt,
          autoCloseDueAt: null,
        },
      };
    case 'OfficialResponded':
      return {
        add: message(event, isErased, 'response', e.data, e.data.respondedAt, e.data.agencyId),
        set: {
          firstRespondedAt: thread.firstRespondedAt ?? e.data.respondedAt,
          followUpDueAt: null,
          dueAt: null,
          autoCloseDueAt: e.data.autoCloseDueAt,
        },
      };
    case 'CitizenReplied':
      return {
        add: message(event, isErased, 'reply', e.data, e.data.repliedAt),
        set: { autoCloseDueAt: null },
      };
    case 'AspirationResolved':
      return { set: { status: 'resolved', reopenUntil: e.data.reopenUntil, dueAt: null } };
    case 'AspirationRated':
      return { set: { rating: e.data.rating } };
    case 'AspirationReopened':
      return {
        set: {
          status: 'in_progress',
          followUpDueAt: e.data.followUpDueAt,
          dueAt: e.data.followUpDueAt,
          autoCloseDueAt: null,
          reopenUntil: null,
        },
      };
    case 'AspirationClosed':
      return {
        set: { status: 'closed', reopenUntil: e.data.reopenUntil, dueAt: null, autoCloseDueAt: null },
      };
    case 'MessageHidden': {
      const hide = { messageId: e.data.messageId, hidden: { reason: e.data.reason, at: e.data.hiddenAt } };
      // A hidden submission can no longer be found by its words.
      const submissionHidden = thread.messages[0]?.messageId === e.data.messageId;
      return { hide, set: submissionHidden ? { words: [] } : {} };
    }
    case 'AspirationEscalated': {
      const escalatedDeadlines = recordStage(thread, thread.escalatedDeadlines, e.data.stage);
      if (e.data.stage !== 'response' || e.data.toAgencyId === null || !e.data.followUpDueAt)
        return { set: { escalatedDeadlines } };
      return {
        set: {
          escalatedDeadlines,
          agencyId: e.data.toAgencyId,
          followUpDueAt: e.data.followUpDueAt,
          dueAt: e.data.followUpDueAt,
          autoCloseDueAt: null,
        },
      };
    }
    case 'DeadlineReminderIssued':
      return { set: { remindedDeadlines: { ...thread.remindedDeadlines, [e.data.stage]: e.data.dueAt } } };
    default:
      return assertNever(e);
  }
}

const reasonOf = (data: Record<string, unknown>) =>
  typeof data.reason === 'string' ? data.reason : typeof data.summary === 'string' ? data.summary : undefined;

export function timelineEntry(
  event: ProjectedEvent,
  status: ThreadStatus,
  agencyId: string | null,
): TimelineEntry {
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

/** What one event does to a thread: starts it, counts an endorsement, or changes it (with a timeline entry). */
export type Step =
  | { readonly kind: 'start'; readonly thread: ThreadDocument }
  | { readonly kind: 'endorsement'; readonly endorsements: number }
  | ({ readonly kind: 'change' } & Change);

export function stepOf(
  event: ProjectedEvent,
  thread: ThreadDocument | undefined,
  isErased: ErasedCheck,
): Step | undefined {
  if (event.type === 'AspirationEndorsed' || event.type === 'EndorsementWithdrawn') {
    if (!thread) return undefined;
    const endorsements = Math.max(0, thread.endorsements + (event.type === 'AspirationEndorsed' ? 1 : -1));
    return { kind: 'endorsement', endorsements };
  }
  if (event.type === 'AspirationSubmitted') {
    if (thread) return undefined;
    const data = event.data as unknown as Extract<AspirationEvent, { type: 'AspirationSubmitted' }>['data'];
    return { kind: 'start', thread: submitted(event, data, isErased) };
  }
  const change = thread && changeOf(event, thread, isErased);
  return change && { kind: 'change', ...change };
}
