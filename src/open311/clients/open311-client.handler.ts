import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { EventLog } from '../../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../../platform/http/command-response';
import { Open311ClientCommand } from '../domain/open311-client.commands';
import { open311ClientDecider } from '../domain/open311-client.decider';
import { open311ClientStream } from '../domain/open311-client.streams';

export class ExecuteOpen311ClientCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly command: Open311ClientCommand,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Issuing and revoking API keys: the shared read → decide → append on the client's own stream. */
@CommandHandler(ExecuteOpen311ClientCommand)
export class Open311ClientHandler implements ICommandHandler<ExecuteOpen311ClientCommand> {
  constructor(private readonly log: EventLog) {}

  async execute({ command, context }: ExecuteOpen311ClientCommand): Promise<CommandResponse> {
    const { clientId } = command.data;
    // The digest covers the name, never the key's digest: the request's readable metadata keeps no secret.
    const body = command.type === 'RegisterOpen311Client' ? { name: command.data.name } : {};
    const request = commandRequest(open311ClientStream(clientId), command, context, {
      target: clientId,
      body,
    });
    return commandResponse(clientId, await handleCommand(this.log, open311ClientDecider, request));
  }
}
