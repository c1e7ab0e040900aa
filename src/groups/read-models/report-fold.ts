import { storedPosition } from '../../platform/document-store/positions';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { memberKeyOf } from '../domain/group.streams';
import { MonitoringReportEvent } from '../reports/domain/monitoring-report.events';
import {
  GROUP_MEMBERSHIPS,
  membershipId,
  MembershipDocument,
  MONITORING_REPORTS,
  ReportDocument,
} from './group.document';
import { DocumentKeyLike } from './document-key';

/** The report an event is about: its own events name it, a submission made from it names it too. */
export const reportIdOf = (event: ProjectedEvent): string | undefined => {
  const id = event.type === 'AspirationSubmitted' ? event.data.monitoringReportId : event.data.reportId;
  return typeof id === 'string' ? id : undefined;
};

/** Who a report event names as a member (the recorder, a commenter): their membership holds the name they go by. */
export function nameSource(event: ProjectedEvent): DocumentKeyLike | undefined {
  const groupId = event.data.groupId;
  const personId =
    event.type === 'MonitoringReportRecorded'
      ? event.data.recordedBy
      : event.type === 'MonitoringReportCommented'
        ? event.actor.id
        : null;
  if (typeof groupId !== 'string' || typeof personId !== 'string') return undefined;
  return { collection: GROUP_MEMBERSHIPS, id: membershipId(groupId, memberKeyOf(groupId, personId)) };
}

/** The report after the event; undefined when it changes nothing. `member` is the membership nameSource named. */
export function nextReport(
  event: ProjectedEvent,
  before: ReportDocument | undefined,
  member: MembershipDocument | undefined,
): ReportDocument | undefined {
  const lastPosition = storedPosition(event.position);
  if (event.type === 'AspirationSubmitted') {
    const aspirationId = event.data.aspirationId;
    if (!before || typeof aspirationId !== 'string' || before.aspirationId === aspirationId) return undefined;
    return { ...before, aspirationId, lastPosition };
  }
  const e = { type: event.type, data: event.data } as MonitoringReportEvent;
  switch (e.type) {
    case 'MonitoringReportRecorded': {
      if (before) return undefined;
      const { data } = e;
      return {
        _id: data.reportId,
        groupId: data.groupId,
        source: data.source,
        summary: data.summary,
        monitoredOn: data.monitoredOn,
        photo: data.photo ?? null,
        recordedBy: typeof data.recordedBy === 'string' ? data.recordedBy : null,
        recordedByName: member?.displayName ?? null,
        recordedAt: data.recordedAt,
        comments: [],
        aspirationId: null,
        draftId: null,
        raisedAt: null,
        lastPosition,
      };
    }
    case 'MonitoringReportCommented': {
      if (!before || before.comments.some((c) => c.commentId === e.data.commentId)) return undefined;
      const author = {
        authorId: event.actor.id,
        authorRole: event.actor.role,
        authorName: member?.displayName ?? null,
      };
      const added = { commentId: e.data.commentId, body: e.data.body, at: e.data.commentedAt, ...author };
      return { ...before, comments: [...before.comments, added], lastPosition };
    }
    case 'MonitoringReportRaised':
      return before
        ? {
            ...before,
            aspirationId: e.data.aspirationId ?? before.aspirationId,
            draftId: e.data.draftId ?? null,
            raisedAt: e.data.raisedAt,
            lastPosition,
          }
        : undefined;
    default:
      return undefined;
  }
}

export const reportKey = (reportId: string): DocumentKeyLike => ({
  collection: MONITORING_REPORTS,
  id: reportId,
});
