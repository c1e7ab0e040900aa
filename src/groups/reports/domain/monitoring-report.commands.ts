import { Command } from '../../../platform/domain/decider';
import { GroupStatus } from '../../domain/group.state';

/** What the handler read from the group's stream for the actor; null when the actor may not see the group. */
export interface ReportingGroupFacts {
  groupId: string;
  status: Exclude<GroupStatus, 'none'>;
  actorIsMember: boolean;
  /** A facilitator of the group's region: takes part in the discussion. */
  actorFacilitates: boolean;
}

export type RecordMonitoringReport = Command<
  'RecordMonitoringReport',
  {
    reportId: string;
    source: string;
    summary: string;
    monitoredOn: string;
    photo?: string;
    group: ReportingGroupFacts | null;
  }
>;

export type CommentOnMonitoringReport = Command<
  'CommentOnMonitoringReport',
  { commentId: string; body: string; group: ReportingGroupFacts | null }
>;

/** Exactly one of aspirationId and draftId: what the report became. */
export type RaiseMonitoringReport = Command<
  'RaiseMonitoringReport',
  { aspirationId?: string; draftId?: string; group: ReportingGroupFacts | null }
>;

export type MonitoringReportCommand =
  RecordMonitoringReport | CommentOnMonitoringReport | RaiseMonitoringReport;
