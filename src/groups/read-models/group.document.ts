import { Doc } from '../../platform/document-store/document-store.port';
import { JoinPolicy } from '../domain/group.events';

/** The groups read model: one projection (projections/groups) writes every collection below. */
export const GROUPS_PROJECTION = 'groups';
/** One document per group. */
export const GROUPS = 'groups';
/** One document per (group, person) who joined, asked to join, left or was declined: by group and by person. */
export const GROUP_MEMBERSHIPS = 'groupMemberships';
/** One document per group draft, with its signatures so far. */
export const GROUP_DRAFTS = 'groupDrafts';
/** One document per monitoring report, with its discussion. */
export const MONITORING_REPORTS = 'monitoringReports';

export type GroupStatusView = 'proposed' | 'active' | 'dissolved';

export interface GroupDocument extends Doc {
  readonly _id: string;
  readonly name: string;
  readonly description: string;
  readonly regionCode: string;
  /** The code and each of its parents ('62', '62.06', …): a region filter is one equality. */
  readonly regions: readonly string[];
  readonly joinPolicy: JoinPolicy;
  readonly signatureThreshold: number;
  readonly status: GroupStatusView;
  /** The proposing citizen while it is a proposal (who may see it); null otherwise and once they were erased. */
  readonly proposedBy: string | null;
  /** Founded, or proposed. */
  readonly createdAt: string;
  readonly approvedAt: string | null;
  readonly dissolvedAt: string | null;
  readonly dissolvedReason: string | null;
  readonly lastPosition: string;
  readonly updatedAt: string;
}

export type MembershipStatus = 'member' | 'requested' | 'left' | 'declined';

export interface MembershipDocument extends Doc {
  /** `<groupId>:<memberKey>`. */
  readonly _id: string;
  readonly groupId: string;
  /** The person's account id: for "my groups" and erasure; never shown to anyone else (memberKey is). */
  readonly personId: string;
  readonly memberKey: string;
  readonly displayName: string | null;
  readonly status: MembershipStatus;
  readonly coordinator: boolean;
  /** Since when the status holds. */
  readonly since: string;
  /** The group's name and region, which never change: "my groups" needs no second look-up. */
  readonly groupName: string;
  readonly regionCode: string;
  readonly lastPosition: string;
}

export interface DraftDocument extends Doc {
  readonly _id: string;
  readonly groupId: string;
  readonly title: string;
  readonly body: string;
  readonly category: string;
  readonly regionCode: string;
  readonly anonymous: boolean;
  /** Null once the drafter was erased. */
  readonly draftedBy: string | null;
  readonly signatureThreshold: number;
  /** The drafter and every co-signature so far; once submitted, the count it was submitted with. */
  readonly signatures: number;
  /** personKey of each co-signer: tells a member whether they signed, names nobody. */
  readonly signerKeys: readonly string[];
  readonly status: 'collecting' | 'submitted';
  readonly aspirationId: string | null;
  readonly monitoringReportId: string | null;
  readonly startedAt: string;
  readonly submittedAt: string | null;
  readonly lastPosition: string;
}

export const membershipId = (groupId: string, memberKey: string): string => `${groupId}:${memberKey}`;

/** Who wrote a comment, as insiders see them: the name they go by in the group; never an account id in a view. */
export interface CommentDocument {
  readonly commentId: string;
  readonly body: string;
  readonly at: string;
  /** Null once the person was erased. */
  readonly authorId: string | null;
  readonly authorRole: string;
  readonly authorName: string | null;
}

export interface ReportDocument extends Doc {
  readonly _id: string;
  readonly groupId: string;
  readonly source: string;
  readonly summary: string;
  readonly monitoredOn: string;
  readonly photo: string | null;
  /** Null once the member was erased. */
  readonly recordedBy: string | null;
  readonly recordedByName: string | null;
  readonly recordedAt: string;
  readonly comments: readonly CommentDocument[];
  /** What it became: the aspiration (also once a draft made from it is submitted), the draft. */
  readonly aspirationId: string | null;
  readonly draftId: string | null;
  readonly raisedAt: string | null;
  readonly lastPosition: string;
}
