import { assertNever, Decider } from '../../../platform/domain/decider';
import { groupErrors } from '../../domain/group.errors';
import {
  CommentOnMonitoringReport,
  MonitoringReportCommand,
  RaiseMonitoringReport,
  RecordMonitoringReport,
  ReportingGroupFacts,
} from './monitoring-report.commands';
import { reportErrors as errors } from './monitoring-report.errors';
import { MonitoringReportEvent } from './monitoring-report.events';
import { evolveReport, initialReportState, MonitoringReportState } from './monitoring-report.state';
import { commentText, monitoredOnDate, photoReference, sourceText, summaryText } from './report-content';

type Recorded = Extract<MonitoringReportState, { status: 'recorded' }>;

/** The group as the actor sees it: 404 when they may not, 409 once it takes no more reports or discussion. */
function activeGroup(group: ReportingGroupFacts | null): ReportingGroupFacts {
  if (group === null) throw errors.groupNotFound();
  return group;
}

/** A report of this group: one of another group's answers 404 like one that does not exist. */
function ofGroup(state: MonitoringReportState, group: ReportingGroupFacts): Recorded {
  if (state.status !== 'recorded' || state.groupId !== group.groupId) throw errors.reportNotFound();
  return state;
}

const requireActive = (group: ReportingGroupFacts) => {
  if (group.status !== 'active') throw groupErrors.notActive(group.status);
};

function record(command: RecordMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] {
  const { actor, now } = command.metadata;
  const group = activeGroup(command.data.group);
  if (actor.role !== 'citizen' || !group.actorIsMember) throw errors.membersOnly('record what it monitored');
  requireActive(group);
  if (state.status !== 'none') throw errors.alreadyRecorded();
  const { reportId, photo } = command.data;
  const data = {
    reportId,
    groupId: group.groupId,
    source: sourceText(command.data.source),
    summary: summaryText(command.data.summary),
    monitoredOn: monitoredOnDate(command.data.monitoredOn, now),
    ...(photo !== undefined && { photo: photoReference(photo) }),
    recordedBy: actor.id,
    recordedAt: now.toISOString(),
  };
  return [{ type: 'MonitoringReportRecorded', data }];
}

/** The group discusses it: its members and the facilitators of its region. */
function comment(command: CommentOnMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] {
  const { actor, now } = command.metadata;
  const group = activeGroup(command.data.group);
  const report = ofGroup(state, group);
  const insider = (actor.role === 'citizen' && group.actorIsMember) || group.actorFacilitates;
  if (!insider) throw errors.insidersOnly('discuss its reports');
  requireActive(group);
  const { commentId } = command.data;
  if (Object.hasOwn(report.commentIds, commentId)) throw errors.commentExists();
  const body = commentText(command.data.body);
  const data = {
    reportId: report.reportId,
    groupId: report.groupId,
    commentId,
    body,
    commentedAt: now.toISOString(),
  };
  return [{ type: 'MonitoringReportCommented', data }];
}

/** A member turns it into an aspiration or a group draft, once. */
function raise(command: RaiseMonitoringReport, state: MonitoringReportState): MonitoringReportEvent[] {
  const { actor, now } = command.metadata;
  const group = activeGroup(command.data.group);
  const report = ofGroup(state, group);
  if (actor.role !== 'citizen' || !group.actorIsMember)
    throw errors.membersOnly('turn a report into an aspiration');
  requireActive(group);
  if (report.raised !== null) throw errors.alreadyRaised();
  const { aspirationId, draftId } = command.data;
  if ((aspirationId === undefined) === (draftId === undefined)) throw errors.raisedAsOne();
  const raised = aspirationId === undefined ? { draftId } : { aspirationId };
  const data = { reportId: report.reportId, ...raised, raisedAt: now.toISOString() };
  return [{ type: 'MonitoringReportRaised', data }];
}

export function decideReport(
  command: MonitoringReportCommand,
  state: MonitoringReportState,
): MonitoringReportEvent[] {
  switch (command.type) {
    case 'RecordMonitoringReport':
      return record(command, state);
    case 'CommentOnMonitoringReport':
      return comment(command, state);
    case 'RaiseMonitoringReport':
      return raise(command, state);
    default:
      return assertNever(command);
  }
}

export const monitoringReportDecider: Decider<
  MonitoringReportCommand,
  MonitoringReportEvent,
  MonitoringReportState
> = { initialState: initialReportState, evolve: evolveReport, decide: decideReport };
