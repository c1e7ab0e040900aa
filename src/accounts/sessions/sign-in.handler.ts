import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../platform/domain/domain-errors';
import { FailureDelays } from '../../platform/throttling/failure-delay';
import { RateLimitedError } from '../../platform/throttling/rate-limited.error';
import { PASSWORD_HASHER, PasswordHasher } from '../../platform/passwords/password-hasher.port';
import { AccountRecords } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { enteredLogin } from '../domain/login';
import { SessionIssuer, SessionTokens } from './session-tokens';

export class SignInCommand extends BusCommand<SessionTokens> {
  constructor(
    readonly login: string,
    readonly password: string,
    /** The client address, for the growing waits after failed attempts. */
    readonly address: string,
  ) {
    super();
  }
}

/**
 * Password sign-in. An unknown login costs one argon2 verification like a known one (against a hash made
 * at start-up), and both answer `invalid_credentials`, so neither the answer nor its timing tells who
 * has an account. Only a caller who proved the password learns that the account is not confirmed yet.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly records: AccountRecords,
    private readonly sessions: SessionIssuer,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    private readonly delays: FailureDelays,
  ) {}

  async execute({ login: entered, password, address }: SignInCommand): Promise<SessionTokens> {
    // Counted per normalised login, so other spellings of one phone number share its waits.
    const delayKey = this.normalised(entered) ?? entered;
    const waitMs = this.delays.waitBeforeAttempt(delayKey, address);
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
    const holder = await this.holderOf(entered);
    const state = holder?.state;
    const stored = state && 'passwordHash' in state ? state.passwordHash : await this.dummy();
    const matches = await this.hasher.verify(stored, password);
    if (!state || !matches || (state.status !== 'active' && state.status !== 'pending')) {
      this.delays.recordFailure(delayKey, address);
      throw accountErrors.invalidCredentials();
    }
    this.delays.recordSuccess(delayKey, address);
    if (state.status === 'pending') throw accountErrors.notConfirmed();
    return this.sessions.start(state);
  }

  private async holderOf(login: string) {
    try {
      return await this.records.holderOf(enteredLogin(login));
    } catch (error) {
      // A login that cannot be normalised belongs to no one: answered like any unknown login.
      if (error instanceof DomainError) return undefined;
      throw error;
    }
  }

  private normalised(login: string): string | undefined {
    try {
      return enteredLogin(login).value;
    } catch {
      return undefined;
    }
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash('no account holds this login: the same work as a real one');
    return this.dummyHash;
  }
}
