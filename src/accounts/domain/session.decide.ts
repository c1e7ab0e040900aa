import { assertNever, Decider } from '../../platform/domain/decider';
import { accountErrors as errors } from './account.errors';
import { validCodeHash } from './account.guards';
import { EndSession, RefreshSession, SessionCommand, StartSession } from './session.commands';
import { SessionEvent } from './session.events';
import { evolve, initialState, LiveSession, SessionState } from './session.state';

/** A refresh token lives 30 days from its last use: a phone used weekly stays signed in. */
export const REFRESH_TOKEN_DAYS = 30;

const expiry = (now: Date) => new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000).toISOString();

/**
 * One stream per session, so that a person's devices never contend for their account stream. Reuse of a
 * spent refresh token is answered with an event (SessionEnded), not a throw, so that it ends the session
 * for the thief and the holder alike; the handler then answers `refreshTokenReused`.
 */
export function decide(command: SessionCommand, state: SessionState): SessionEvent[] {
  switch (command.type) {
    case 'StartSession':
      return start(command, state);
    case 'RefreshSession':
      return refresh(command, state);
    case 'EndSession':
      return end(command, state);
    default:
      return assertNever(command);
  }
}

function start({ data, metadata }: StartSession, state: SessionState): SessionEvent[] {
  if (state.status !== 'none') throw errors.invalidRefreshToken();
  const tokenHash = validCodeHash(data.tokenHash);
  const startedAt = metadata.now.toISOString();
  const { sessionId, accountId, generation } = data;
  return [
    {
      type: 'SessionStarted',
      data: { sessionId, accountId, tokenHash, generation, startedAt, expiresAt: expiry(metadata.now) },
    },
  ];
}

/** The live session the presented token belongs to; a spent token ends it (reuse detection). */
function presented(
  { sessionId, presentedHash }: { sessionId: string; presentedHash: string },
  state: SessionState,
  now: Date,
): LiveSession | SessionEvent[] {
  if (state.status === 'none') throw errors.invalidRefreshToken();
  if (state.status === 'ended') throw errors.sessionEnded();
  const { accountId } = state;
  const ended = (reason: 'refresh_token_reused' | 'sessions_ended'): SessionEvent[] => [
    { type: 'SessionEnded', data: { sessionId, accountId, reason, endedAt: now.toISOString() } },
  ];
  if (state.spentHashes.includes(presentedHash)) return ended('refresh_token_reused');
  if (presentedHash !== state.tokenHash) throw errors.invalidRefreshToken();
  if (now.getTime() >= Date.parse(state.expiresAt)) throw errors.sessionEnded();
  return state;
}

function refresh({ data, metadata }: RefreshSession, state: SessionState): SessionEvent[] {
  const session = presented(data, state, metadata.now);
  if (Array.isArray(session)) return session;
  const { sessionId } = data;
  const endedAt = metadata.now.toISOString();
  if (data.generation !== session.generation)
    return [
      {
        type: 'SessionEnded',
        data: { sessionId, accountId: session.accountId, reason: 'sessions_ended', endedAt },
      },
    ];
  const tokenHash = validCodeHash(data.newTokenHash);
  const refreshedAt = metadata.now.toISOString();
  const { accountId } = session;
  return [
    {
      type: 'SessionRefreshed',
      data: { sessionId, accountId, tokenHash, refreshedAt, expiresAt: expiry(metadata.now) },
    },
  ];
}

function end({ data, metadata }: EndSession, state: SessionState): SessionEvent[] {
  const session = presented(data, state, metadata.now);
  if (Array.isArray(session)) return session;
  const endedAt = metadata.now.toISOString();
  const { sessionId } = data;
  return [
    {
      type: 'SessionEnded',
      data: { sessionId, accountId: session.accountId, reason: 'signed_out', endedAt },
    },
  ];
}

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState,
  evolve,
  decide,
};
