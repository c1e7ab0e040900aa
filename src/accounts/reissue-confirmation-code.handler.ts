import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataOf } from '../platform/commands/command-context';
import { AccountRecords } from './account-records';
import { Login } from './domain/login';
import { codeDigest } from './domain/one-time-code';
import { newCode, OneTimeCodes } from './one-time-codes';

export class ReissueConfirmationCodeCommand extends BusCommand<void> {
  constructor(readonly login: Login) {
    super();
  }
}

/**
 * A new confirmation code for an account still waiting for one (the first expired, was lost or locked).
 * It goes to the login, never to the caller, and the answer is the same whatever the login's state.
 */
@CommandHandler(ReissueConfirmationCodeCommand)
export class ReissueConfirmationCodeHandler implements ICommandHandler<ReissueConfirmationCodeCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: OneTimeCodes,
  ) {}

  async execute({ login }: ReissueConfirmationCodeCommand): Promise<void> {
    const holder = await this.records.holderOf(login);
    if (holder?.state.status !== 'pending') return;
    const { accountId } = holder;
    const code = newCode();
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = { accountId, codeHash: codeDigest(accountId, code) };
    const command = { type: 'ReissueConfirmationCode', data, metadata: metadataOf(context) } as const;
    const { position } = await this.records.decide(accountId, command, context);
    await this.codes.send(login, 'confirm_account', code, position);
  }
}
