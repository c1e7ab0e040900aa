import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext, metadataOf } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { AccountRecords, askedAbout } from '../account-records';
import { accountDecider } from '../domain/account.decider';
import { accountStream } from '../domain/account.streams';

export class EndSessionsCommand extends BusCommand<void> {
  constructor(readonly context: CommandContext) {
    super();
  }
}

/** Sign-out everywhere: one event in the account stream ends every session at its next refresh. */
@CommandHandler(EndSessionsCommand)
export class EndSessionsHandler implements ICommandHandler<EndSessionsCommand> {
  constructor(private readonly records: AccountRecords) {}

  async execute({ context }: EndSessionsCommand): Promise<void> {
    const accountId = context.actor.id;
    const command = { type: 'EndSessions', data: { accountId }, metadata: metadataOf(context) } as const;
    const request = commandRequest(accountStream(accountId), command, context, askedAbout(accountId));
    await handleCommand(this.records.log, accountDecider, request);
  }
}
