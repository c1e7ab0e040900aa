import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { EventLog } from '../../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../../platform/http/command-response';
import { readGroup } from '../group-references';
import { CommentOnMonitoringReport, RecordMonitoringReport } from './domain/monitoring-report.commands';
import { monitoringReportDecider } from './domain/monitoring-report.decide';
import { monitoringReportStream } from './domain/monitoring-report.streams';
import { reportingFacts } from './report-facts';

type Input =
  | (Omit<RecordMonitoringReport, 'metadata' | 'data'> & {
      data: Omit<RecordMonitoringReport['data'], 'group'>;
    })
  | (Omit<CommentOnMonitoringReport, 'metadata' | 'data'> & {
      data: Omit<CommentOnMonitoringReport['data'], 'group'>;
    });

/** Recording a report or commenting on one: `id` is what the response names (the report, or the new comment). */
export class ExecuteReportCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly groupId: string,
    readonly reportId: string,
    readonly input: Input,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

/** The group's facts for the actor, then the shared read → decide → append on the report's stream. */
@CommandHandler(ExecuteReportCommand)
export class ReportCommandHandler implements ICommandHandler<ExecuteReportCommand> {
  constructor(private readonly log: EventLog) {}

  async execute({ groupId, reportId, input, context, body }: ExecuteReportCommand): Promise<CommandResponse> {
    const group = reportingFacts(await readGroup(this.log, groupId), context.actor);
    const command = { ...input, data: { ...input.data, group }, metadata: metadataOf(context) } as
      RecordMonitoringReport | CommentOnMonitoringReport;
    const request = commandRequest(monitoringReportStream(reportId), command, context, {
      target: groupId,
      body,
    });
    return commandResponse(reportId, await handleCommand(this.log, monitoringReportDecider, request));
  }
}
