import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand, readState } from '../../platform/commands/handle-command';
import { AccountRecords, askedAbout } from '../account-records';
import { accountErrors } from '../domain/account.errors';
import { sessionStream } from '../domain/account.streams';
import { CommandMetadata } from '../../platform/domain/decider';
import { EndSession, RefreshSession } from '../domain/session.commands';
import { sessionDecider } from '../domain/session.decide';
import { SessionState } from '../domain/session.state';
import {
  newRefreshToken,
  refreshTokenHash,
  SessionIssuer,
  SessionTokens,
  sessionIdOf,
} from './session-tokens';

export class RefreshSessionCommand extends BusCommand<SessionTokens> {
  constructor(readonly refreshToken: string) {
    super();
  }
}

export class SignOutCommand extends BusCommand<void> {
  constructor(readonly refreshToken: string) {
    super();
  }
}

/** Runs a session command for whoever presents the refresh token; a reuse it detects ends the session. */
async function presentToken(
  records: AccountRecords,
  refreshToken: string,
  commandFor: (
    session: { sessionId: string; presentedHash: string; generation: number },
    metadata: CommandMetadata,
  ) => RefreshSession | EndSession,
): Promise<{ accountId: string; after: SessionState }> {
  const sessionId = sessionIdOf(refreshToken);
  if (!sessionId) throw accountErrors.invalidRefreshToken();
  const stream = sessionStream(sessionId);
  const before = await readState(records.log, sessionDecider, stream);
  if (before.status === 'none' || before.accountId === null) throw accountErrors.invalidRefreshToken();
  const { accountId } = before;
  const account = await records.stateOf(accountId);
  // An erased or unknown account has no sessions: its generation can never match again.
  const generation = account.status === 'active' ? account.sessionGeneration : -1;
  const presentedHash = refreshTokenHash(refreshToken);
  const context = records.contextFor({ id: accountId, role: 'citizen' });
  const command = commandFor({ sessionId, presentedHash, generation }, metadataOf(context));
  const request = commandRequest(stream, command, context, askedAbout(sessionId));
  await handleCommand(records.log, sessionDecider, request);
  const after = await readState(records.log, sessionDecider, stream);
  if (after.status === 'ended' && after.reason === 'refresh_token_reused')
    throw accountErrors.refreshTokenReused();
  return { accountId, after };
}

/** Rotation: the presented token is spent and a new pair issued, with the role the account holds now. */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly records: AccountRecords,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute({ refreshToken }: RefreshSessionCommand): Promise<SessionTokens> {
    const sessionId = sessionIdOf(refreshToken) ?? '';
    const next = newRefreshToken(sessionId);
    const { accountId, after } = await presentToken(this.records, refreshToken, (data, metadata) => ({
      type: 'RefreshSession',
      data: { ...data, newTokenHash: refreshTokenHash(next) },
      metadata,
    }));
    const account = await this.records.stateOf(accountId);
    if (after.status !== 'live' || account.status !== 'active') throw accountErrors.sessionEnded();
    return this.sessions.tokens(account, next);
  }
}

/** Sign-out of one session: its refresh token stops working (its access token expires within minutes). */
@CommandHandler(SignOutCommand)
export class SignOutHandler implements ICommandHandler<SignOutCommand> {
  constructor(private readonly records: AccountRecords) {}

  async execute({ refreshToken }: SignOutCommand): Promise<void> {
    await presentToken(this.records, refreshToken, ({ sessionId, presentedHash }, metadata) => ({
      type: 'EndSession',
      data: { sessionId, presentedHash },
      metadata,
    }));
  }
}
