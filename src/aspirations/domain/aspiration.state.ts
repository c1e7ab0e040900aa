import { assertNever } from '../../platform/domain/decider';
import {
  AspirationEscalated,
  AspirationEvent,
  AspirationReopened,
  AspirationSubmitted,
  CloseReason,
  OfficialResponded,
  Visibility,
} from './aspiration.events';

/** A due instant per deadline stage. */
export interface StageDeadlines {
  verification?: string;
  response?: string;
}

export type MessageKind = 'submission' | 'response' | 'reply';

export interface MessageState {
  kind: MessageKind;
  hidden: boolean;
}

/** What is known from submission on, whatever happens next. */
export interface AspirationFacts {
  aspirationId: string;
  category: string;
  regionCode: string;
  visibility: Visibility;
  anonymous: boolean;
  groupId?: string;
  /** Submitted by a facilitator for a villager who is not online: facilitators of the region speak for them. */
  forVillager?: true;
  /** Null once the submitter was erased (the event log reads erased fields as null): nobody acts as them. */
  submittedBy: string | null;
  submittedAt: string;
  verificationDueAt: string;
  messages: Record<string, MessageState>;
  /** The missed deadline last escalated, per stage: each deadline escalates once. */
  escalatedDeadlines: StageDeadlines;
  /** The deadline last reminded of, per stage: each deadline is reminded of once. */
  remindedDeadlines: StageDeadlines;
}

/** What an agency's handling adds, from the first assignment on. */
export interface AspirationHandling {
  agencyId: string;
  /** The agency's response deadline; null once it responded since the last assignment, forward or reopening. */
  followUpDueAt: string | null;
  /** Set by an official response, cleared by the submitter's reply (or a move to another agency). */
  pendingAutoCloseAt: string | null;
  firstRespondedAt: string | null;
  rating: number | null;
}

export type NoAspiration = { status: 'none' };
export type SubmittedAspiration = AspirationFacts & { status: 'submitted' };
export type VerifiedAspiration = AspirationFacts & { status: 'verified' };
export type RejectedAspiration = AspirationFacts & { status: 'rejected' };
export type InProgressAspiration = AspirationFacts & AspirationHandling & { status: 'in_progress' };
export type ResolvedAspiration = AspirationFacts &
  AspirationHandling & { status: 'resolved'; reopenUntil: string };
export type ClosedAspiration = AspirationFacts &
  AspirationHandling & { status: 'closed'; closeReason: CloseReason; reopenUntil: string };

export type AspirationState =
  | NoAspiration
  | SubmittedAspiration
  | VerifiedAspiration
  | RejectedAspiration
  | InProgressAspiration
  | ResolvedAspiration
  | ClosedAspiration;

export type AspirationStatus = AspirationState['status'];
export type ExistingAspiration = Exclude<AspirationState, NoAspiration>;

export const initialState: AspirationState = { status: 'none' };

function submitted({ data }: AspirationSubmitted): SubmittedAspiration {
  return {
    status: 'submitted',
    aspirationId: data.aspirationId,
    category: data.category,
    regionCode: data.regionCode,
    visibility: data.visibility,
    anonymous: data.anonymous,
    ...(data.groupId !== undefined && { groupId: data.groupId }),
    ...(data.onBehalfOf !== undefined && { forVillager: true as const }),
    submittedBy: data.submittedBy,
    submittedAt: data.submittedAt,
    verificationDueAt: data.verificationDueAt,
    messages: { [data.messageId]: { kind: 'submission', hidden: false } },
    escalatedDeadlines: {},
    remindedDeadlines: {},
  };
}

function responded(state: InProgressAspiration, { data }: OfficialResponded): InProgressAspiration {
  return {
    ...state,
    followUpDueAt: null,
    pendingAutoCloseAt: data.autoCloseDueAt,
    firstRespondedAt: state.firstRespondedAt ?? data.respondedAt,
    messages: { ...state.messages, [data.messageId]: { kind: 'response', hidden: false } },
  };
}

function reopened(state: AspirationState, { data }: AspirationReopened): AspirationState {
  const back = {
    status: 'in_progress',
    followUpDueAt: data.followUpDueAt,
    pendingAutoCloseAt: null,
  } as const;
  if (state.status === 'resolved') {
    const { reopenUntil: _reopenUntil, ...rest } = state;
    return { ...rest, ...back };
  }
  if (state.status === 'closed') {
    const { reopenUntil: _reopenUntil, closeReason: _closeReason, ...rest } = state;
    return { ...rest, ...back };
  }
  return state;
}

function escalated(state: AspirationState, { data }: AspirationEscalated): AspirationState {
  if (data.stage === 'verification' && state.status === 'submitted') {
    return {
      ...state,
      escalatedDeadlines: { ...state.escalatedDeadlines, verification: state.verificationDueAt },
    };
  }
  if (data.stage !== 'response' || state.status !== 'in_progress' || state.followUpDueAt === null)
    return state;
  const escalatedDeadlines = { ...state.escalatedDeadlines, response: state.followUpDueAt };
  if (data.toAgencyId === null || data.followUpDueAt === undefined) return { ...state, escalatedDeadlines };
  const handover = { agencyId: data.toAgencyId, followUpDueAt: data.followUpDueAt, pendingAutoCloseAt: null };
  return { ...state, escalatedDeadlines, ...handover };
}

function hidden(state: AspirationState, messageId: string): AspirationState {
  if (state.status === 'none' || !Object.hasOwn(state.messages, messageId)) return state;
  return {
    ...state,
    messages: { ...state.messages, [messageId]: { ...state.messages[messageId], hidden: true } },
  };
}

// An event that does not fit the state is ignored rather than invented into state (decide never emits one).
export function evolve(state: AspirationState, event: AspirationEvent): AspirationState {
  switch (event.type) {
    case 'AspirationSubmitted':
      return state.status === 'none' ? submitted(event) : state;
    case 'AspirationVerified':
      return state.status === 'submitted' ? { ...state, status: 'verified' } : state;
    case 'AspirationRejected':
      return state.status === 'submitted' ? { ...state, status: 'rejected' } : state;
    case 'AspirationAssigned': {
      if (state.status !== 'verified') return state;
      const { agencyId, followUpDueAt } = event.data;
      const handling = { pendingAutoCloseAt: null, firstRespondedAt: null, rating: null };
      return { ...state, status: 'in_progress', agencyId, followUpDueAt, ...handling };
    }
    case 'AspirationForwarded': {
      if (state.status !== 'in_progress') return state;
      const { toAgencyId: agencyId, followUpDueAt } = event.data;
      return { ...state, agencyId, followUpDueAt, pendingAutoCloseAt: null };
    }
    case 'OfficialResponded':
      return state.status === 'in_progress' ? responded(state, event) : state;
    case 'CitizenReplied': {
      if (state.status !== 'in_progress') return state;
      const messages = {
        ...state.messages,
        [event.data.messageId]: { kind: 'reply', hidden: false } as const,
      };
      return { ...state, messages, pendingAutoCloseAt: null };
    }
    case 'AspirationResolved':
      return state.status === 'in_progress'
        ? { ...state, status: 'resolved', reopenUntil: event.data.reopenUntil }
        : state;
    case 'AspirationRated':
      return state.status === 'resolved' || state.status === 'closed'
        ? { ...state, rating: event.data.rating }
        : state;
    case 'AspirationReopened':
      return reopened(state, event);
    case 'AspirationClosed': {
      if (state.status !== 'in_progress' && state.status !== 'resolved') return state;
      const { reason: closeReason, reopenUntil } = event.data;
      return { ...state, status: 'closed', closeReason, reopenUntil };
    }
    case 'MessageHidden':
      return hidden(state, event.data.messageId);
    case 'AspirationEscalated':
      return escalated(state, event);
    case 'DeadlineReminderIssued': {
      if (state.status === 'none') return state;
      const { stage, dueAt } = event.data;
      return { ...state, remindedDeadlines: { ...state.remindedDeadlines, [stage]: dueAt } };
    }
    default:
      return assertNever(event);
  }
}
