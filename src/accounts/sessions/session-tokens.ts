import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_TTL_S, ACCESS_TOKENS, Tokens } from '../../platform/auth/tokens.port';
import { commandRequest, metadataOf } from '../../platform/commands/command-context';
import { handleCommand } from '../../platform/commands/handle-command';
import { Actor } from '../../platform/domain/decider';
import { newId } from '../../platform/ids';
import { AccountRecords, askedAbout } from '../account-records';
import { ActiveAccount } from '../domain/account.state';
import { sessionStream } from '../domain/account.streams';
import { sessionDecider } from '../domain/session.decide';

/** What sign-in, refresh and password change answer. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly tokenType: 'Bearer';
}

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Only this digest is stored: the event store alone cannot refresh anyone's session. */
export const refreshTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** `<session id>.<256 random bits>`: the id names the session's stream, the secret proves possession. */
export function newRefreshToken(sessionId: string): string {
  return `${sessionId}.${randomBytes(32).toString('base64url')}`;
}

export function sessionIdOf(refreshToken: string): string | undefined {
  const [sessionId, secret, ...rest] = refreshToken.split('.');
  return rest.length === 0 && SESSION_ID.test(sessionId) && /^[\w-]{43}$/.test(secret ?? '')
    ? sessionId
    : undefined;
}

/** Who the account's tokens name: its id, its role and, for a facilitator, the region it is bound to. */
export function actorOf({ accountId, role, regionCode }: ActiveAccount): Actor {
  return role === 'facilitator' && regionCode !== undefined
    ? { id: accountId, role, regionCode }
    : { id: accountId, role };
}

/** Starts sessions and issues the token pair of a session. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly records: AccountRecords,
    @Inject(ACCESS_TOKENS) private readonly accessTokens: Tokens,
  ) {}

  async start(account: ActiveAccount): Promise<SessionTokens> {
    const sessionId = newId();
    const refreshToken = newRefreshToken(sessionId);
    const context = this.records.contextFor({ id: account.accountId, role: account.role });
    const command = {
      type: 'StartSession',
      data: {
        sessionId,
        accountId: account.accountId,
        tokenHash: refreshTokenHash(refreshToken),
        generation: account.sessionGeneration,
      },
      metadata: metadataOf(context),
    } as const;
    const asked = askedAbout(sessionId);
    await handleCommand(
      this.records.log,
      sessionDecider,
      commandRequest(sessionStream(sessionId), command, context, asked),
    );
    return this.tokens(account, refreshToken);
  }

  /** The access token carries the role the account holds now, so a role change shows at the next refresh. */
  async tokens(account: ActiveAccount, refreshToken: string): Promise<SessionTokens> {
    const accessToken = await this.accessTokens.issue(actorOf(account));
    return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_S, tokenType: 'Bearer' };
  }
}
