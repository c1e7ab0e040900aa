import { assertNever } from '../../../platform/domain/decider';
import { MonitoringReportEvent } from './monitoring-report.events';

export type MonitoringReportState =
  | { status: 'none' }
  | {
      status: 'recorded';
      reportId: string;
      groupId: string;
      /** Null once the member who recorded it was erased. */
      recordedBy: string | null;
      commentIds: Record<string, true>;
      raised: { aspirationId?: string; draftId?: string } | null;
    };

export const initialReportState: MonitoringReportState = { status: 'none' };

export function evolveReport(
  state: MonitoringReportState,
  event: MonitoringReportEvent,
): MonitoringReportState {
  switch (event.type) {
    case 'MonitoringReportRecorded': {
      if (state.status !== 'none') return state;
      const { reportId, groupId, recordedBy } = event.data;
      return { status: 'recorded', reportId, groupId, recordedBy, commentIds: {}, raised: null };
    }
    case 'MonitoringReportCommented':
      return state.status === 'recorded'
        ? { ...state, commentIds: { ...state.commentIds, [event.data.commentId]: true } }
        : state;
    case 'MonitoringReportRaised': {
      if (state.status !== 'recorded' || state.raised !== null) return state;
      const { aspirationId, draftId } = event.data;
      return { ...state, raised: { ...(aspirationId && { aspirationId }), ...(draftId && { draftId }) } };
    }
    default:
      return assertNever(event);
  }
}
