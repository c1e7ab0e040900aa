import { Command as BusCommand, CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ExecuteAspirationCommand } from '../../aspirations/aspiration-command.handler';
import { CommandContext, commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand, readState } from '../../platform/commands/handle-command';
import { positionToString } from '../../platform/event-store/stored-event';
import { EventLog } from '../../platform/event-log/event-log';
import { createdIdFor } from '../../platform/ids';
import { CommandResponse } from '../../platform/http/command-response';
import { DraftCommandResponse, StartDraft } from '../drafts/draft-commands.handler';
import { GroupState } from '../domain/group.state';
import { readGroup } from '../group-references';
import { RaiseMonitoringReport } from './domain/monitoring-report.commands';
import { monitoringReportDecider } from './domain/monitoring-report.decide';
import { MonitoringReportState } from './domain/monitoring-report.state';
import { monitoringReportStream } from './domain/monitoring-report.streams';
import { reportingFacts } from './report-facts';

/** What the member writes when raising a report: the aspiration's own fields, and whether it is a group draft. */
export interface RaiseContent {
  readonly title: string;
  readonly body: string;
  readonly category: string;
  readonly regionCode?: string;
  readonly visibility?: 'public' | 'confidential';
  readonly anonymous: boolean;
  readonly asGroupDraft?: boolean;
}

export interface RaiseResponse {
  readonly id: string;
  readonly position: string | null;
  readonly aspirationId: string | null;
  readonly draftId: string | null;
}

export class RaiseReport extends BusCommand<RaiseResponse> {
  constructor(
    readonly groupId: string,
    readonly reportId: string,
    readonly content: RaiseContent,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

type Raised = { aspirationId: string; draftId?: undefined } | { draftId: string; aspirationId?: undefined };

/**
 * A member turns a report into an aspiration (submitted at once, as theirs for the group) or a group draft (for
 * co-signatures) in one step, and the report keeps the link; the aspiration (or the draft, and the aspiration it
 * becomes) names the report. Checked before anything is created, so a refused raise creates nothing.
 */
@CommandHandler(RaiseReport)
export class RaiseReportHandler implements ICommandHandler<RaiseReport> {
  constructor(
    private readonly log: EventLog,
    private readonly commands: CommandBus,
  ) {}

  async execute({ groupId, reportId, content, context, body }: RaiseReport): Promise<RaiseResponse> {
    const stream = monitoringReportStream(reportId);
    const [group, report] = await Promise.all([
      readGroup(this.log, groupId),
      readState(this.log, monitoringReportDecider, stream),
    ]);
    const kind = content.asGroupDraft ? 'group-draft' : 'aspiration';
    const id = createdIdFor(kind, context.actor.id, context.idempotencyKey);
    const raised: Raised = content.asGroupDraft ? { draftId: id } : { aspirationId: id };
    const command: RaiseMonitoringReport = {
      type: 'RaiseMonitoringReport',
      data: { ...raised, group: reportingFacts(group, context.actor) },
      metadata: metadataOf(context),
    };
    // A retry finds its own raise recorded: it goes through again, each step answering as before.
    if (!raisedAs(report, raised)) monitoringReportDecider.decide(command, report);
    const aspirationId = await this.create(group, groupId, reportId, raised, content, context, body);
    const request = commandRequest(stream, command, context, { target: reportId, body });
    const result = await handleCommand(this.log, monitoringReportDecider, request);
    const position = result.position === undefined ? null : positionToString(result.position);
    return { id: reportId, position, aspirationId, draftId: raised.draftId ?? null };
  }

  private async create(
    group: GroupState,
    groupId: string,
    monitoringReportId: string,
    raised: Raised,
    content: RaiseContent,
    context: CommandContext,
    body: unknown,
  ): Promise<string | null> {
    const { asGroupDraft: _asDraft, visibility, regionCode, ...text } = content;
    if (raised.draftId !== undefined) {
      const draft = { ...text, ...(regionCode !== undefined && { regionCode }), monitoringReportId };
      const started: DraftCommandResponse = await this.commands.execute(
        new StartDraft(groupId, raised.draftId, draft, context, body),
      );
      return started.aspirationId;
    }
    const region = regionCode ?? (group.status === 'none' ? '' : group.regionCode);
    const data = {
      ...text,
      aspirationId: raised.aspirationId,
      messageId: createdIdFor('message', context.actor.id, context.idempotencyKey),
      regionCode: region,
      visibility: visibility ?? 'public',
      groupId,
      monitoringReportId,
    };
    const input = { type: 'SubmitAspiration' as const, data, metadata: metadataOf(context) };
    const submitted: CommandResponse = await this.commands.execute(
      new ExecuteAspirationCommand(raised.aspirationId, input, context, body),
    );
    return submitted.id;
  }
}

const raisedAs = (report: MonitoringReportState, raised: Raised): boolean =>
  report.status === 'recorded' &&
  report.raised !== null &&
  report.raised.aspirationId === raised.aspirationId &&
  report.raised.draftId === raised.draftId;
