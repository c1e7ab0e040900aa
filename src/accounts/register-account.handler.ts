import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, metadataOf } from '../platform/commands/command-context';
import { CommandResult, handleCommand } from '../platform/commands/handle-command';
import { DomainError } from '../platform/domain/domain-errors';
import { newId } from '../platform/ids';
import { PASSWORD_HASHER, PasswordHasher } from '../platform/passwords/password-hasher.port';
import { acceptablePassword } from '../platform/passwords/password-policy';
import { AccountRecords, askedAbout } from './account-records';
import { loginReservationDecider } from './domain/login-reservation.decide';
import { Login, loginSpellings } from './domain/login';
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
 * (the append after the reservation failed) is completed under the holder's id, so nothing leaks. A login
 * whose account still waits for its code is renewed: the new name, password and code replace the old ones,
 * and the code goes to the login, so its owner can take back a number someone else registered. A login
 * held by an active or invited account answers like a success and sends nothing: registration reveals no one.
 */
@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly codes: OneTimeCodes,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ login, entered, displayName, password }: RegisterAccountCommand): Promise<void> {
    const acceptable = acceptablePassword(password, [entered, ...loginSpellings(login)]);
    // Hashed whatever the login's state, so a taken login does not answer sooner than a free one.
    const passwordHash = await this.hasher.hash(acceptable);
    const holder = await this.records.holderOf(login);
    if (holder?.state.status === 'pending')
      return this.renew(login, holder.accountId, displayName, passwordHash);
    if (holder && holder.state.status !== 'none') return;
    const accountId = holder?.accountId ?? newId();
    if (!(await this.reserve(login, accountId))) return;
    const code = newCode();
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = { accountId, login, displayName, passwordHash, codeHash: codeDigest(accountId, code) };
    const command = { type: 'RegisterAccount', data, metadata: metadataOf(context) } as const;
    const registered = await appendedUnlessTaken(this.records.decide(accountId, command, context));
    if (registered) await this.codes.send(login, 'confirm_account', code, registered.position);
  }

  /** The earlier code stops working; the new one goes to the login, never to whoever registered. */
  private async renew(login: Login, accountId: string, displayName: string, passwordHash: string) {
    const code = newCode();
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const data = { accountId, displayName, passwordHash, codeHash: codeDigest(accountId, code) };
    const command = { type: 'RenewRegistration', data, metadata: metadataOf(context) } as const;
    const renewed = await appendedUnlessTaken(this.records.decide(accountId, command, context));
    if (renewed) await this.codes.send(login, 'confirm_account', code, renewed.position);
  }

  /** False when another registration took the login first (a race): answered like any taken login. */
  private async reserve(login: Login, accountId: string): Promise<boolean> {
    const context = this.records.contextFor({ id: accountId, role: 'citizen' });
    const command = {
      type: 'ReserveLogin',
      data: { login, accountId },
      metadata: metadataOf(context),
    } as const;
    const asked = askedAbout(accountId);
    const request = commandRequest(this.records.reservationStream(login), command, context, asked);
    return (
      (await appendedUnlessTaken(handleCommand(this.records.log, loginReservationDecider, request))) !==
      undefined
    );
  }
}

// A concurrent registration of the same login won the reservation, or completed the same orphaned one first;
// or the pending account was confirmed between reading it and renewing it.
const TAKEN = new Set(['login_taken', 'account_already_exists', 'account_already_confirmed']);

/** The append's result, or undefined when another registration got there first: answered like a taken login. */
async function appendedUnlessTaken(append: Promise<CommandResult>): Promise<CommandResult | undefined> {
  try {
    return await append;
  } catch (error) {
    if (error instanceof DomainError && TAKEN.has(error.code)) return undefined;
    throw error;
  }
}
