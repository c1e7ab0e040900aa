import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { REGIONS } from '../reference-data/reference-data.module';
import { RegionCatalogue } from '../regions/region-catalogue';
import { checkAgencyReferences } from './agency-references';
import { AgencyCommand } from './domain/agency.commands';
import { agencyDecider } from './domain/agency.decider';
import { agencyStream } from './domain/agency.streams';

export class ExecuteAgencyCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly command: AgencyCommand,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

/** Every agency command: check what it refers to, then the shared read → decide → append. */
@CommandHandler(ExecuteAgencyCommand)
export class AgencyCommandHandler implements ICommandHandler<ExecuteAgencyCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
  ) {}

  async execute({ command, context, body }: ExecuteAgencyCommand): Promise<CommandResponse> {
    await checkAgencyReferences(this.log, this.regions, command);
    const { agencyId } = command.data;
    const request = commandRequest(agencyStream(agencyId), command, context, { target: agencyId, body });
    return commandResponse(agencyId, await handleCommand(this.log, agencyDecider, request));
  }
}
