import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataOf } from '../platform/commands/command-context';
import { AccountRecords } from './account-records';
import { accountErrors } from './domain/account.errors';
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
    await this.records.decide(accountId, command, context);
    const after = await this.records.stateOf(accountId);
    if (after.status === 'pending') throw accountErrors.wrongCode(MAX_CODE_ATTEMPTS - after.code.attempts);
  }
}
