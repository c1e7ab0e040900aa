import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../platform/passwords/password-hasher.port';
import { AccountRecords } from './account-records';
import { accountErrors } from './domain/account.errors';
import { loginSpellings } from './domain/login';
import { newPasswordFor } from './new-password';
import { SessionIssuer, SessionTokens } from './sessions/session-tokens';

export class ChangePasswordCommand extends BusCommand<SessionTokens> {
  constructor(
    readonly context: CommandContext,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}

/** A new password ends every session; the device that changed it gets a fresh one in the answer. */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly sessions: SessionIssuer,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ context, currentPassword, newPassword }: ChangePasswordCommand): Promise<SessionTokens> {
    const accountId = context.actor.id;
    const state = await this.records.stateOf(accountId);
    const logins = state.status === 'active' || state.status === 'pending' ? loginSpellings(state.login) : [];
    const password = newPasswordFor(newPassword, logins);
    const currentPasswordMatches =
      'passwordHash' in state && (await this.hasher.verify(state.passwordHash, currentPassword));
    const data = { accountId, currentPasswordMatches, passwordHash: await this.hasher.hash(password) };
    const command = { type: 'ChangePassword', data, metadata: metadataOf(context) } as const;
    await this.records.decide(accountId, command, context);
    const after = await this.records.stateOf(accountId);
    if (after.status !== 'active') throw accountErrors.notConfirmed();
    return this.sessions.start(after);
  }
}
