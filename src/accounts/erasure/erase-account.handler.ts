import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, metadataOf } from '../../platform/commands/command-context';
import { PASSWORD_HASHER, PasswordHasher } from '../../platform/passwords/password-hasher.port';
import { FailureDelays } from '../../platform/throttling/failure-delay';
import { RateLimitedError } from '../../platform/throttling/rate-limited.error';
import { AccountRecords } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { ErasureCompletion } from './erasure-completion';

/** True when the erasure completed; false when it is recorded and the sweep finishes it. */
export class EraseAccountCommand extends BusCommand<boolean> {
  constructor(
    readonly context: CommandContext,
    readonly password: string,
    /** The client address, for the growing waits after wrong passwords (shared with sign-in). */
    readonly address: string,
  ) {
    super();
  }
}

/**
 * The right to erasure (UU 27/2022), for the signed-in person. The current password is asked for, so a stolen
 * access token alone cannot erase anyone; wrong ones count towards sign-in's growing waits for that login.
 * AccountErased is appended first, so the erasure is never lost: the rest follows (ErasureCompletion).
 */
@CommandHandler(EraseAccountCommand)
export class EraseAccountHandler implements ICommandHandler<EraseAccountCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly completion: ErasureCompletion,
    private readonly delays: FailureDelays,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
  ) {}

  async execute({ context, password, address }: EraseAccountCommand): Promise<boolean> {
    const accountId = context.actor.id;
    const state = await this.records.stateOf(accountId);
    // Only an active account signs in; no token names any other.
    if (state.status !== 'active') throw accountErrors.notFound();
    const delayKey = state.login.value;
    const waitMs = this.delays.waitBeforeAttempt(delayKey, address);
    if (waitMs > 0) throw new RateLimitedError(Math.ceil(waitMs / 1000));
    if (!(await this.hasher.verify(state.passwordHash, password))) {
      this.delays.recordFailure(delayKey, address);
      throw accountErrors.wrongPassword();
    }
    this.delays.recordSuccess(delayKey, address);
    const command = { type: 'EraseAccount', data: { accountId }, metadata: metadataOf(context) } as const;
    const { position } = await this.records.decide(accountId, command, context);
    return this.completion.complete(accountId, position!);
  }
}
