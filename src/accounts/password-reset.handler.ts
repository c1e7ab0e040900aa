import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { metadataOf } from '../platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../platform/passwords/password-hasher.port';
import { AccountRecords } from './account-records';
import { accountErrors } from './domain/account.errors';
import { Login, loginSpellings } from './domain/login';
import { codeDigest, MAX_CODE_ATTEMPTS } from './domain/one-time-code';
import { newCode, OneTimeCodes } from './one-time-codes';
import { newPasswordFor } from './new-password';

export class RequestPasswordResetCommand extends BusCommand<void> {
  constructor(readonly login: Login) {
    super();
  }
}

export class ResetPasswordCommand extends BusCommand<void> {
  constructor(
    readonly login: Login,
    readonly code: string,
    readonly newPassword: string,
  ) {
    super();
  }
}

/** Sends a reset code when an active account holds the login; answers alike when none does. */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: OneTimeCodes,
  ) {}

  async execute({ login }: RequestPasswordResetCommand): Promise<void> {
    const holder = await this.records.holderOf(login);
    if (holder?.state.status !== 'active') return;
    const { accountId } = holder;
    const code = newCode();
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = { accountId, codeHash: codeDigest(accountId, code) };
    const command = { type: 'RequestPasswordReset', data, metadata: metadataOf(context) } as const;
    const { position } = await this.records.decide(accountId, command, context);
    await this.codes.send(login, 'reset_password', code, position);
  }
}

/** Whoever holds the reset code sets a new password; every session of the account ends with it. */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand> {
  constructor(
    private readonly records: AccountRecords,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ login, code, newPassword }: ResetPasswordCommand): Promise<void> {
    const holder = await this.records.holderOf(login);
    if (!holder) throw accountErrors.notFound();
    const { accountId } = holder;
    const password = newPasswordFor(newPassword, loginSpellings(login));
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = {
      accountId,
      codeHash: codeDigest(accountId, code),
      passwordHash: await this.hasher.hash(password),
    };
    const command = { type: 'ResetPassword', data, metadata: metadataOf(context) } as const;
    await this.records.decide(accountId, command, context);
    const after = await this.records.stateOf(accountId);
    if (after.status === 'active' && after.resetCode !== null)
      throw accountErrors.wrongCode(MAX_CODE_ATTEMPTS - after.resetCode.attempts);
  }
}
