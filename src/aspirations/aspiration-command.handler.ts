import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { ASPIRATION_DECIDER, AspirationDecider } from './aspiration-decider.provider';
import { AspirationInput, resolveReferences } from './aspiration-references';
import { aspirationStream } from './domain/aspiration.streams';

export class ExecuteAspirationCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly aspirationId: string,
    readonly input: AspirationInput,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

/** Every aspiration command: resolve its references, then the shared read → decide → append. */
@CommandHandler(ExecuteAspirationCommand)
export class AspirationCommandHandler implements ICommandHandler<ExecuteAspirationCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(ASPIRATION_DECIDER) private readonly decider: AspirationDecider,
  ) {}

  async execute({ aspirationId, input, context, body }: ExecuteAspirationCommand): Promise<CommandResponse> {
    const command = await resolveReferences(this.log, this.decider, aspirationId, input);
    const asked = { target: aspirationId, body };
    const request = commandRequest(aspirationStream(aspirationId), command, context, asked);
    return commandResponse(aspirationId, await handleCommand(this.log, this.decider, request));
  }
}
