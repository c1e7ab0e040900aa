import { DomainEvent } from '../../../platform/domain/decider';

// Type strings and fields are a stored contract. The drafter is a citizen: `draftedBy` is sealed with their key.

/**
 * A member's draft of an aspiration on behalf of the group, waiting for co-signatures. It copies the group's name and
 * threshold as they were, so a later change of the group never rewrites what members signed up to.
 */
export type GroupDraftStarted = DomainEvent<
  'GroupDraftStarted',
  {
    draftId: string;
    groupId: string;
    groupName: string;
    title: string;
    body: string;
    category: string;
    regionCode: string;
    anonymous: boolean;
    draftedBy: string;
    signatureThreshold: number;
    /** The monitoring report this draft was made from, if any. */
    monitoringReportId?: string;
    startedAt: string;
  }
>;

/** The threshold was reached: the aspiration was submitted with this many signatures (the drafter's included). */
export type GroupDraftSubmitted = DomainEvent<
  'GroupDraftSubmitted',
  { aspirationId: string; signatures: number; submittedAt: string }
>;

export type GroupDraftEvent = GroupDraftStarted | GroupDraftSubmitted;

/** One member's co-signature, in its own stream: the signer is the (sealed) actor, never the data. */
export type GroupDraftSigned = DomainEvent<
  'GroupDraftSigned',
  { draftId: string; groupId: string; signedAt: string }
>;

export type DraftSignatureEvent = GroupDraftSigned;
