import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '../platform/clock';
import { CommandContext, commandRequest, metadataOf } from '../platform/commands/command-context';
import { CommandResult, handleCommand, readState } from '../platform/commands/handle-command';
import { Actor } from '../platform/domain/decider';
import { EventLog } from '../platform/event-log/event-log';
import { currentCorrelationId } from '../platform/logging/correlation';
import { LOGIN_KEY } from './accounts.providers';
import { AccountCommand } from './domain/account.commands';
import { accountDecider } from './domain/account.decider';
import { AccountState } from './domain/account.state';
import { accountStream, loginReservationStream } from './domain/account.streams';
import { loginReservationDecider } from './domain/login-reservation.decide';
import { Login } from './domain/login';

/** An account found through its login's reservation: never through a read model. */
export interface FoundAccount {
  readonly accountId: string;
  readonly state: AccountState;
}

/** Reads the account side of the log: who holds a login, and an account's folded state. */
@Injectable()
export class AccountRecords {
  constructor(
    readonly log: EventLog,
    @Inject(LOGIN_KEY) private readonly loginKey: Buffer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  reservationStream(login: Login): string {
    return loginReservationStream(login, this.loginKey);
  }

  async holderOf(login: Login): Promise<FoundAccount | undefined> {
    const reservation = await readState(this.log, loginReservationDecider, this.reservationStream(login));
    if (reservation.status !== 'held' || reservation.holder === null) return undefined;
    return { accountId: reservation.holder, state: await this.stateOf(reservation.holder) };
  }

  stateOf(accountId: string): Promise<AccountState> {
    return readState(this.log, accountDecider, accountStream(accountId));
  }

  /** The one way the account handlers change an account: handleCommand, with a digest that covers no body. */
  decide(accountId: string, command: AccountCommand, context: CommandContext): Promise<CommandResult> {
    const request = commandRequest(accountStream(accountId), command, context, askedAbout(accountId));
    return handleCommand(this.log, accountDecider, request);
  }

  /** The login becomes this account's alone (a retry for the same account changes nothing). */
  reserveLogin(login: Login, accountId: string, context: CommandContext): Promise<CommandResult> {
    const command = {
      type: 'ReserveLogin',
      data: { login, accountId },
      metadata: metadataOf(context),
    } as const;
    const request = commandRequest(this.reservationStream(login), command, context, askedAbout(accountId));
    return handleCommand(this.log, loginReservationDecider, request);
  }

  /** Someone else may take the login (releasing a free login changes nothing). */
  releaseLogin(login: Login, accountId: string, context: CommandContext): Promise<CommandResult> {
    const command = {
      type: 'ReleaseLogin',
      data: { login, accountId },
      metadata: metadataOf(context),
    } as const;
    const request = commandRequest(this.reservationStream(login), command, context, askedAbout(accountId));
    return handleCommand(this.log, loginReservationDecider, request);
  }

  /** Public routes act as the account concerned: it is who the event is about, and no token says more. */
  contextFor(actor: Actor): CommandContext {
    return { actor, now: this.clock.now(), correlationId: currentCorrelationId() ?? randomUUID() };
  }
}

/**
 * What the request digest covers. Account routes take no Idempotency-Key (command ids are random), so the
 * digest needs no body, and logins, codes and token hashes stay out of the readable metadata.
 */
export const askedAbout = (target: string) => ({ target, body: {} });
