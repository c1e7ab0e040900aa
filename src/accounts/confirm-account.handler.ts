import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataOf } from '../platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../platform/passwords/password-hasher.port';
import { AccountRecords } from './account-records';
import { accountErrors } from './domain/account.errors';
import { AccountState } from './domain/account.state';
import { Login } from './domain/login';
import { codeDigest, MAX_CODE_ATTEMPTS } from './domain/one-time-code';

export class ConfirmAccountCommand extends BusCommand<void> {
  constructor(
    readonly login: Login,
    readonly code: string,
    /** The password registered with: a code received for someone else's registration then confirms nothing. */
    readonly password?: string,
  ) {
    super();
  }
}

/** Activates the account holding the login; a wrong code or password is recorded first, so that it counts. */
@CommandHandler(ConfirmAccountCommand)
export class ConfirmAccountHandler implements ICommandHandler<ConfirmAccountCommand> {
  constructor(
    private readonly records: AccountRecords,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ login, code, password }: ConfirmAccountCommand): Promise<void> {
    const holder = await this.records.holderOf(login);
    if (!holder) throw accountErrors.notFound();
    const { accountId } = holder;
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = {
      accountId,
      codeHash: codeDigest(accountId, code),
      ...(password === undefined ? {} : { passwordMatches: await this.matches(holder.state, password) }),
    };
    const command = { type: 'ConfirmAccount', data, metadata: metadataOf(context) } as const;
    await this.records.decide(accountId, command, context);
    const after = await this.records.stateOf(accountId);
    if (after.status === 'pending') throw accountErrors.wrongCode(MAX_CODE_ATTEMPTS - after.code.attempts);
  }

  /** Checked before the code, whatever the code is, so the time taken says nothing about either. */
  private async matches(state: AccountState, password: string): Promise<boolean> {
    return state.status === 'pending' && this.hasher.verify(state.passwordHash, password);
  }
}
