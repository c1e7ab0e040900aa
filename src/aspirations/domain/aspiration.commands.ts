import { Command } from '../../platform/domain/decider';
import { CloseReason, EscalationStage, GroupSubmission, OnBehalfOf, Visibility } from './aspiration.events';

// Every id (aspiration, message) is minted by the handler and arrives here; the domain never invents one.

export type SubmitAspiration = Command<
  'SubmitAspiration',
  {
    aspirationId: string;
    messageId: string;
    title: string;
    body: string;
    category: string;
    regionCode: string;
    visibility: Visibility;
    anonymous: boolean;
    groupId?: string;
    onBehalfOf?: OnBehalfOf;
  } & GroupSubmission
>;

export type VerifyAspiration = Command<'VerifyAspiration', Record<string, never>>;

export type RejectAspiration = Command<'RejectAspiration', { reason: string }>;

export type AssignAspiration = Command<'AssignAspiration', { agencyId: string }>;

export type ForwardAspiration = Command<'ForwardAspiration', { toAgencyId: string; reason: string }>;

export type RespondToAspiration = Command<'RespondToAspiration', { messageId: string; body: string }>;

export type ReplyToAspiration = Command<'ReplyToAspiration', { messageId: string; body: string }>;

export type ResolveAspiration = Command<'ResolveAspiration', { summary: string }>;

export type RateAspiration = Command<'RateAspiration', { rating: number; comment?: string }>;

export type ReopenAspiration = Command<'ReopenAspiration', { reason: string }>;

/** Without a reason the actor's relation decides: the submitter closes as such, a facilitator as a facilitator. */
export type CloseAspiration = Command<'CloseAspiration', { reason?: CloseReason }>;

export type HideMessage = Command<'HideMessage', { messageId: string; reason: string }>;

/** toAgencyId is the parent of the assigned agency, looked up by the handler; null: facilitators only. */
export type EscalateAspiration = Command<
  'EscalateAspiration',
  { stage: EscalationStage; toAgencyId: string | null }
>;

/** Sent by the deadline scheduler only; dueAt names the deadline it saw, so a moved deadline is not reminded early. */
export type RemindOfDeadline = Command<'RemindOfDeadline', { stage: EscalationStage; dueAt: string }>;

export type AspirationCommand =
  | SubmitAspiration
  | VerifyAspiration
  | RejectAspiration
  | AssignAspiration
  | ForwardAspiration
  | RespondToAspiration
  | ReplyToAspiration
  | ResolveAspiration
  | RateAspiration
  | ReopenAspiration
  | CloseAspiration
  | HideMessage
  | EscalateAspiration
  | RemindOfDeadline;
