import { GroupEvent, MEMBER_EVENTS } from '../../src/groups/domain/group.events';
import { draftIdOf, nextDraft } from '../../src/groups/read-models/draft-fold';
import {
  DraftDocument,
  GROUP_DRAFTS,
  GROUP_MEMBERSHIPS,
  GroupDocument,
  GROUPS,
  GROUPS_PROJECTION,
  MembershipDocument,
  MONITORING_REPORTS,
  ReportDocument,
} from '../../src/groups/read-models/group.document';
import { nameSource, nextReport, reportIdOf, reportKey } from '../../src/groups/read-models/report-fold';
import {
  groupIdOf,
  membershipKeyOf,
  nextGroup,
  nextMembership,
} from '../../src/groups/read-models/group-fold';
import {
  DocumentKey,
  DocumentLookup,
  ProjectedEvent,
  Projection,
  ProjectionOperation,
  ProjectionResult,
} from '../runner/projection';
import { draftChanges, groupChanges, reportChanges } from './group-changes';
import { erasureFinds, projectErasure } from './group-erasure';

const GROUP_EVENTS = new Set<string>([
  'GroupFounded',
  'GroupProposed',
  'GroupApproved',
  'GroupDissolved',
  ...MEMBER_EVENTS,
] satisfies GroupEvent['type'][]);
const DRAFT_EVENTS = new Set(['GroupDraftStarted', 'GroupDraftSubmitted', 'GroupDraftSigned']);
/** A report's own events, and a submission made from a report (the link back). */
const REPORT_EVENTS = new Set([
  'MonitoringReportRecorded',
  'MonitoringReportCommented',
  'MonitoringReportRaised',
  'AspirationSubmitted',
]);
const NOTHING: ProjectionResult = { operations: [], changes: [] };

function groupTouches(event: ProjectedEvent): DocumentKey[] {
  const membership = membershipKeyOf(event);
  return [
    { collection: GROUPS, id: groupIdOf(event) },
    ...(membership === undefined ? [] : [{ collection: GROUP_MEMBERSHIPS, id: membership }]),
  ];
}

function projectGroupEvent(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const before = documents({ collection: GROUPS, id: groupIdOf(event) }) as GroupDocument | undefined;
  const group = nextGroup(event, before);
  if (!group) return NOTHING;
  const key = membershipKeyOf(event);
  const membershipBefore =
    key === undefined
      ? undefined
      : (documents({ collection: GROUP_MEMBERSHIPS, id: key }) as MembershipDocument | undefined);
  const membership = key === undefined ? undefined : nextMembership(event, membershipBefore, group);
  const operations: ProjectionOperation[] = [
    { collection: GROUPS, put: group },
    ...(membership ? [{ collection: GROUP_MEMBERSHIPS, put: membership }] : []),
  ];
  return { operations, changes: groupChanges(event, group) };
}

function reportTouches(event: ProjectedEvent): DocumentKey[] {
  const reportId = reportIdOf(event);
  if (reportId === undefined) return [];
  const named = nameSource(event);
  return [reportKey(reportId), ...(named ? [named] : [])];
}

function projectReportEvent(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const reportId = reportIdOf(event);
  if (reportId === undefined) return NOTHING;
  const before = documents(reportKey(reportId)) as ReportDocument | undefined;
  const named = nameSource(event);
  const member = named && (documents(named) as MembershipDocument | undefined);
  const report = nextReport(event, before, member);
  if (!report) return NOTHING;
  return { operations: [{ collection: MONITORING_REPORTS, put: report }], changes: reportChanges(report) };
}

function projectDraftEvent(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const before = documents({ collection: GROUP_DRAFTS, id: draftIdOf(event) }) as DraftDocument | undefined;
  const draft = nextDraft(event, before);
  if (!draft) return NOTHING;
  return { operations: [{ collection: GROUP_DRAFTS, put: draft }], changes: draftChanges(draft) };
}

/**
 * Groups, memberships (by group and by person), drafts with their signatures and monitoring reports with their
 * discussion, from the group, draft, signature and report streams (and a submission made from a report, for the link
 * back); every change is pushed on the group's live topic. AccountErased takes the person out of every group.
 */
export const groupsProjection: Projection = {
  name: GROUPS_PROJECTION,
  collections: {
    [GROUPS]: [
      { fields: { regions: 1, createdAt: -1 } },
      { fields: { status: 1, createdAt: -1 } },
      { fields: { proposedBy: 1 } },
    ],
    [GROUP_MEMBERSHIPS]: [
      { fields: { groupId: 1, status: 1, since: 1 } },
      { fields: { personId: 1, since: -1 } },
    ],
    [MONITORING_REPORTS]: [
      { fields: { groupId: 1, recordedAt: -1 } },
      { fields: { recordedBy: 1 } },
      { fields: { 'comments.authorId': 1 } },
    ],
    [GROUP_DRAFTS]: [
      { fields: { groupId: 1, startedAt: -1 } },
      { fields: { draftedBy: 1 } },
      { fields: { signerKeys: 1 } },
    ],
  },
  handles: (type) =>
    GROUP_EVENTS.has(type) || DRAFT_EVENTS.has(type) || REPORT_EVENTS.has(type) || type === 'AccountErased',
  touches(event) {
    if (GROUP_EVENTS.has(event.type)) return groupTouches(event);
    if (DRAFT_EVENTS.has(event.type)) return [{ collection: GROUP_DRAFTS, id: draftIdOf(event) }];
    if (REPORT_EVENTS.has(event.type)) return reportTouches(event);
    return [];
  },
  finds: (event) => (event.type === 'AccountErased' ? erasureFinds(event) : []),
  project(event, documents, search) {
    if (GROUP_EVENTS.has(event.type)) return projectGroupEvent(event, documents);
    if (DRAFT_EVENTS.has(event.type)) return projectDraftEvent(event, documents);
    if (REPORT_EVENTS.has(event.type)) return projectReportEvent(event, documents);
    return { operations: projectErasure(event, search), changes: [] };
  },
};
