import { DomainEvent } from '../../platform/domain/decider';

// Type strings and fields are a stored contract: never rename; add a new type or upcast. Dates are ISO strings.

export type Visibility = 'public' | 'confidential';

/** A villager a facilitator speaks for; personal data of that villager. */
export interface OnBehalfOf {
  name: string;
  contact?: string;
}

/**
 * What a submission for a group adds (src/groups): the group's name as it was, and for one its members co-signed
 * (a group draft) the signatures it went with; for one made from a monitoring report, that report. The platform
 * fills these in; no client sends them.
 */
export interface GroupSubmission {
  groupName?: string;
  groupSignatures?: number;
  groupDraftId?: string;
  monitoringReportId?: string;
}

export type AspirationSubmitted = DomainEvent<
  'AspirationSubmitted',
  {
    aspirationId: string;
    /** The id of the submission's own message (title and body), so a moderator can hide it like any other. */
    messageId: string;
    title: string;
    body: string;
    category: string;
    regionCode: string;
    visibility: Visibility;
    anonymous: boolean;
    groupId?: string;
    submittedBy: string;
    onBehalfOf?: OnBehalfOf;
    submittedAt: string;
    verificationDueAt: string;
  } & GroupSubmission
>;

export type AspirationVerified = DomainEvent<'AspirationVerified', { verifiedAt: string }>;

export type AspirationRejected = DomainEvent<'AspirationRejected', { reason: string; rejectedAt: string }>;

export type AspirationAssigned = DomainEvent<
  'AspirationAssigned',
  { agencyId: string; assignedAt: string; followUpDueAt: string }
>;

export type AspirationForwarded = DomainEvent<
  'AspirationForwarded',
  { fromAgencyId: string; toAgencyId: string; reason: string; forwardedAt: string; followUpDueAt: string }
>;

export type OfficialResponded = DomainEvent<
  'OfficialResponded',
  { messageId: string; body: string; agencyId: string; respondedAt: string; autoCloseDueAt: string }
>;

export type CitizenReplied = DomainEvent<
  'CitizenReplied',
  { messageId: string; body: string; repliedAt: string; relayedForVillager?: true }
>;

export type AspirationResolved = DomainEvent<
  'AspirationResolved',
  { summary: string; resolvedAt: string; reopenUntil: string }
>;

export type AspirationRated = DomainEvent<
  'AspirationRated',
  { rating: number; comment?: string; ratedAt: string; relayedForVillager?: true }
>;

export type AspirationReopened = DomainEvent<
  'AspirationReopened',
  { reason: string; reopenedAt: string; followUpDueAt: string }
>;

export type CloseReason = 'by_submitter' | 'auto_no_reply' | 'by_facilitator';

export type AspirationClosed = DomainEvent<
  'AspirationClosed',
  { reason: CloseReason; closedAt: string; reopenUntil: string }
>;

export type MessageHidden = DomainEvent<
  'MessageHidden',
  { messageId: string; reason: string; hiddenAt: string }
>;

export type EscalationStage = 'verification' | 'response';

/** toAgencyId null: escalated to the facilitators only; otherwise that agency takes over with a fresh deadline. */
export type AspirationEscalated = DomainEvent<
  'AspirationEscalated',
  {
    stage: EscalationStage;
    fromAgencyId?: string;
    toAgencyId: string | null;
    escalatedAt: string;
    followUpDueAt?: string;
  }
>;

/**
 * The platform reminded the party a deadline waits on (facilitators for verification, the assigned agency for the
 * response) that it is near: once per (stage, dueAt), while that deadline is open and has not passed.
 */
export type DeadlineReminderIssued = DomainEvent<
  'DeadlineReminderIssued',
  { stage: EscalationStage; dueAt: string; remindedAt: string }
>;

export type AspirationEvent =
  | AspirationSubmitted
  | AspirationVerified
  | AspirationRejected
  | AspirationAssigned
  | AspirationForwarded
  | OfficialResponded
  | CitizenReplied
  | AspirationResolved
  | AspirationRated
  | AspirationReopened
  | AspirationClosed
  | MessageHidden
  | AspirationEscalated
  | DeadlineReminderIssued;
