import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { AccountRecords } from '../account-records';

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
    await this.records.decide(accountId, command, context);
  }
}
