import { Command } from '../../../platform/domain/decider';
import { GroupStatus } from '../../domain/group.state';

/** What the handler read from the group's stream for the actor; null when the actor may not see the group. */
export interface DraftingGroupFacts {
  groupId: string;
  name: string;
  regionCode: string;
  status: Exclude<GroupStatus, 'none'>;
  signatureThreshold: number;
  actorIsMember: boolean;
}

/** The drafting member is the actor. Without a region the draft is about the group's own. */
export type StartGroupDraft = Command<
  'StartGroupDraft',
  {
    draftId: string;
    title: string;
    body: string;
    category: string;
    regionCode?: string;
    anonymous: boolean;
    monitoringReportId?: string;
    group: DraftingGroupFacts | null;
  }
>;

/** Sent by the platform once the threshold is reached and the aspiration submitted: idempotent. */
export type RecordDraftSubmission = Command<
  'RecordDraftSubmission',
  { aspirationId: string; signatures: number }
>;

export type GroupDraftCommand = StartGroupDraft | RecordDraftSubmission;

/** What the handler read about the draft and the signer; null when the draft does not exist. */
export interface SignedDraftFacts {
  status: 'collecting' | 'submitted';
  groupStatus: Exclude<GroupStatus, 'none'>;
  signerIsMember: boolean;
  signerIsDrafter: boolean;
  /** A drafter who left no longer speaks for the group: the draft can no longer be submitted. */
  drafterIsMember: boolean;
}

/** The co-signing member is the actor. */
export type SignGroupDraft = Command<
  'SignGroupDraft',
  { draftId: string; groupId: string; draft: SignedDraftFacts | null }
>;
