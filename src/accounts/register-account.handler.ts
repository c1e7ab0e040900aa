import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { DomainError } from '../platform/domain/domain-errors';
import { newId } from '../platform/ids';
import { PASSWORD_HASHER, PasswordHasher } from '../platform/passwords/password-hasher.port';
import { acceptablePassword } from '../platform/passwords/password-policy';
import { AccountRecords } from './account-records';
import { accountDecider } from './domain/account.decider';
import { accountStream } from './domain/account.streams';
import { loginReservationDecider } from './domain/login-reservation.decide';
import { Login } from './domain/login';
import { codeDigest } from './domain/one-time-code';
import { newCode, OneTimeCodes } from './one-time-codes';

export class RegisterAccountCommand extends BusCommand<void> {
  constructor(
    readonly login: Login,
    readonly entered: string,
    readonly displayName: string,
    readonly password: string,
  ) {
    super();
  }
}

/**
 * Reserve the login, then register the account. A login held by an account that was never registered
 * (the append after the reservation failed) is completed under the holder's id, so nothing leaks; a login
 * held by a real account answers like a success and sends nothing, so registration reveals no one.
 */
@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: OneTimeCodes,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ login, entered, displayName, password }: RegisterAccountCommand): Promise<void> {
    const acceptable = acceptablePassword(password, [entered, login.value]);
    const holder = await this.records.holderOf(login);
    if (holder && holder.state.status !== 'none') return;
    const accountId = holder?.accountId ?? newId();
    if (!(await this.reserve(login, accountId))) return;
    const code = newCode();
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = {
      accountId,
      login,
      displayName,
      passwordHash: await this.hasher.hash(acceptable),
      codeHash: codeDigest(accountId, code),
    };
    const command = { type: 'RegisterAccount', data, metadata: metadataOf(context) } as const;
    const asked = { target: accountId, body: { login } };
    const request = commandRequest(accountStream(accountId), command, context, asked);
    const { position } = await handleCommand(this.records.log, accountDecider, request);
    await this.codes.send(login, 'confirm_account', code, position);
  }

  /** False when another registration took the login first (a race): answered like any taken login. */
  private async reserve(login: Login, accountId: string): Promise<boolean> {
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const command = {
      type: 'ReserveLogin',
      data: { login, accountId },
      metadata: metadataOf(context),
    } as const;
    const asked = { target: accountId, body: { login } };
    const request = commandRequest(this.records.reservationStream(login), command, context, asked);
    try {
      await handleCommand(this.records.log, loginReservationDecider, request);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'login_taken') return false;
      throw error;
    }
  }
}
