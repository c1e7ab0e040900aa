import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { AccountRecords, askedAbout } from './account-records';
import { accountDecider } from './domain/account.decider';
import { accountErrors } from './domain/account.errors';
import { accountStream } from './domain/account.streams';
import { Login } from './domain/login';
import { codeDigest, MAX_CODE_ATTEMPTS } from './domain/one-time-code';

export class ConfirmAccountCommand extends BusCommand<void> {
  constructor(
    readonly login: Login,
    readonly code: string,
  ) {
    super();
  }
}

/** Activates the account holding the login; a wrong code is recorded first, so that it counts. */
@CommandHandler(ConfirmAccountCommand)
export class ConfirmAccountHandler implements ICommandHandler<ConfirmAccountCommand> {
  constructor(private readonly records: AccountRecords) {}

  async execute({ login, code }: ConfirmAccountCommand): Promise<void> {
    const holder = await this.records.holderOf(login);
    if (!holder) throw accountErrors.notFound();
    const { accountId } = holder;
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = { accountId, codeHash: codeDigest(accountId, code) };
    const command = { type: 'ConfirmAccount', data, metadata: metadataOf(context) } as const;
    const asked = askedAbout(accountId);
    await handleCommand(
      this.records.log,
      accountDecider,
      commandRequest(accountStream(accountId), command, context, asked),
    );
    const after = await this.records.stateOf(accountId);
    if (after.status === 'pending') throw accountErrors.wrongCode(MAX_CODE_ATTEMPTS - after.code.attempts);
  }
}
