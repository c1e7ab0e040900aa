import { createHash } from 'node:crypto';
import { CommandMetadata } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { sessionDecider } from './session.decide';
import { SessionEvent } from './session.events';

const NOW = new Date('2026-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const IN_30_DAYS = '2026-04-09T02:00:00.000Z';
const metadata: CommandMetadata = { actor: { id: 'account-1', role: 'citizen' }, now: NOW };
const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const [FIRST, SECOND, THIRD] = [digest('first'), digest('second'), digest('third')];
const SESSION = { sessionId: 'session-1', accountId: 'account-1' };

const given = givenEvents(sessionDecider);
const start = {
  type: 'StartSession',
  data: { ...SESSION, tokenHash: FIRST, generation: 0 },
  metadata,
} as const;
const refresh = (presentedHash: string, generation = 0, now = NOW) =>
  ({
    type: 'RefreshSession',
    data: { sessionId: 'session-1', presentedHash, newTokenHash: THIRD, generation },
    metadata: { ...metadata, now },
  }) as const;
const endWith = (presentedHash: string) =>
  ({ type: 'EndSession', data: { sessionId: 'session-1', presentedHash }, metadata }) as const;

const started: SessionEvent = {
  type: 'SessionStarted',
  data: { ...SESSION, tokenHash: FIRST, generation: 0, startedAt: AT, expiresAt: IN_30_DAYS },
};
const refreshed = (tokenHash: string): SessionEvent => ({
  type: 'SessionRefreshed',
  data: { ...SESSION, tokenHash, refreshedAt: AT, expiresAt: IN_30_DAYS },
});
const ended = (reason: 'signed_out' | 'refresh_token_reused' | 'sessions_ended'): SessionEvent => ({
  type: 'SessionEnded',
  data: { ...SESSION, reason, endedAt: AT },
});

describe('StartSession', () => {
  it('starts a session that lives 30 days', () => given().when(start).then(started));
  it('never starts the same session twice', () =>
    given(started).when(start).thenFails('unauthenticated', 'invalid_refresh_token'));
});

describe('RefreshSession', () => {
  it('rotates the current token', () => given(started).when(refresh(FIRST)).then(refreshed(THIRD)));

  it('ends the whole session when a spent token comes back (reuse detection)', () =>
    given(started, refreshed(SECOND)).when(refresh(FIRST)).then(ended('refresh_token_reused')));

  it('refuses a token it never issued, writing nothing', () =>
    given(started)
      .when(refresh(digest('forged')))
      .thenFails('unauthenticated', 'invalid_refresh_token'));

  it('ends a session of an older generation (password changed, signed out everywhere)', () =>
    given(started).when(refresh(FIRST, 1)).then(ended('sessions_ended')));

  it('refuses an expired session', () =>
    given(started)
      .when(refresh(FIRST, 0, new Date(IN_30_DAYS)))
      .thenFails('unauthenticated', 'session_ended'));

  it('refuses every token once ended', () =>
    given(started, ended('signed_out')).when(refresh(FIRST)).thenFails('unauthenticated', 'session_ended'));

  it('refuses an unknown session', () =>
    given().when(refresh(FIRST)).thenFails('unauthenticated', 'invalid_refresh_token'));
});

describe('EndSession', () => {
  it('signs out with the current token', () => given(started).when(endWith(FIRST)).then(ended('signed_out')));
  it('treats a spent token as reuse', () =>
    given(started, refreshed(SECOND)).when(endWith(FIRST)).then(ended('refresh_token_reused')));
  it('refuses a foreign token', () =>
    given(started).when(endWith(SECOND)).thenFails('unauthenticated', 'invalid_refresh_token'));
});
