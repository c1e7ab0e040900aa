import { positionFromStored } from '../../platform/document-store/positions';
import {
  CommentDocument,
  DraftDocument,
  GroupDocument,
  MembershipDocument,
  ReportDocument,
} from './group.document';

/** A group as anyone who may see it sees it: nothing in it names a person. */
export function groupSummary(group: GroupDocument, memberCount: number) {
  return {
    id: group._id,
    name: group.name,
    description: group.description,
    regionCode: group.regionCode,
    joinPolicy: group.joinPolicy,
    signatureThreshold: group.signatureThreshold,
    status: group.status,
    memberCount,
    createdAt: group.createdAt,
    approvedAt: group.approvedAt,
    dissolvedAt: group.dissolvedAt,
    dissolvedReason: group.dissolvedReason,
    updatedAt: group.updatedAt,
    position: positionFromStored(group.lastPosition).toString(),
  };
}

/** Where the caller stands: their own membership (none, asked, member, coordinator) and whether they are inside. */
export interface OwnStanding {
  readonly membership: 'none' | 'requested' | 'member' | 'coordinator';
  readonly memberKey: string | null;
  readonly insider: boolean;
}

/** The live topic's part of a group change: what changed of the group itself. */
export const groupChange = (group: GroupDocument) => ({
  id: group._id,
  name: group.name,
  regionCode: group.regionCode,
  status: group.status,
  updatedAt: group.updatedAt,
});

/** A member (or a person asking to join) as insiders see them: the key commands take, and the name they go by. */
export const memberView = (membership: MembershipDocument) => ({
  memberKey: membership.memberKey,
  displayName: membership.displayName,
  status: membership.status,
  coordinator: membership.coordinator,
  since: membership.since,
});

/** "My groups": one of the person's memberships. */
export const ownMembershipView = (membership: MembershipDocument) => ({
  groupId: membership.groupId,
  groupName: membership.groupName,
  regionCode: membership.regionCode,
  memberKey: membership.memberKey,
  status: membership.status,
  coordinator: membership.coordinator,
  since: membership.since,
});

/** A draft as the group's insiders see it; `viewerKey` (personKey) tells whether the viewer drafted or signed it. */
export function draftView(draft: DraftDocument, viewer: { id: string; key: string } | undefined) {
  return {
    id: draft._id,
    groupId: draft.groupId,
    title: draft.title,
    body: draft.body,
    category: draft.category,
    regionCode: draft.regionCode,
    anonymous: draft.anonymous,
    signatures: draft.signatures,
    signatureThreshold: draft.signatureThreshold,
    status: draft.status,
    aspirationId: draft.aspirationId,
    monitoringReportId: draft.monitoringReportId,
    startedAt: draft.startedAt,
    submittedAt: draft.submittedAt,
    draftedByYou: viewer !== undefined && draft.draftedBy === viewer.id,
    signedByYou: viewer !== undefined && draft.signerKeys.includes(viewer.key),
    position: positionFromStored(draft.lastPosition).toString(),
  };
}

/** The live topic's part of a draft change: no text beyond its title, no person. */
export const draftChange = (draft: DraftDocument) => {
  const {
    body: _body,
    draftedByYou: _drafted,
    signedByYou: _signed,
    ...change
  } = draftView(draft, undefined);
  return change;
};

/** A comment as the group's insiders see it: the name the author goes by, never their account id. */
const commentView = (comment: CommentDocument, viewerId: string | undefined) => ({
  commentId: comment.commentId,
  body: comment.body,
  at: comment.at,
  author: {
    role: comment.authorRole,
    displayName: comment.authorName,
    you: viewerId !== undefined && comment.authorId === viewerId,
    erased: comment.authorId === null,
  },
});

/** A monitoring report as the group's insiders see it; with its discussion in full when asked for one. */
export function reportView(report: ReportDocument, viewerId: string | undefined, withComments = false) {
  return {
    id: report._id,
    groupId: report.groupId,
    source: report.source,
    summary: report.summary,
    monitoredOn: report.monitoredOn,
    photo: report.photo,
    recordedBy: {
      displayName: report.recordedByName,
      you: viewerId !== undefined && report.recordedBy === viewerId,
      erased: report.recordedBy === null,
    },
    recordedAt: report.recordedAt,
    commentCount: report.comments.length,
    aspirationId: report.aspirationId,
    draftId: report.draftId,
    raisedAt: report.raisedAt,
    position: positionFromStored(report.lastPosition).toString(),
    ...(withComments && { comments: report.comments.map((c) => commentView(c, viewerId)) }),
  };
}

/** The live topic's part of a report change: what the list shows, no one's name. */
export const reportChange = (report: ReportDocument) => {
  const { recordedBy: _by, ...change } = reportView(report, undefined);
  return change;
};
