import { DomainEvent } from '../../platform/domain/decider';

// Refresh tokens appear only as SHA-256 digests of 256 random bits: nothing here signs anyone in.

export type SessionStarted = DomainEvent<
  'SessionStarted',
  {
    sessionId: string;
    accountId: string;
    tokenHash: string;
    /** The account's session generation at sign-in; a later password change or sign-out ends it. */
    generation: number;
    startedAt: string;
    expiresAt: string;
  }
>;

/** Rotation: the presented token is spent, the new one is the only one that refreshes. */
export type SessionRefreshed = DomainEvent<
  'SessionRefreshed',
  { sessionId: string; accountId: string; tokenHash: string; refreshedAt: string; expiresAt: string }
>;

export type SessionEndReason = 'signed_out' | 'refresh_token_reused' | 'sessions_ended';

export type SessionEnded = DomainEvent<
  'SessionEnded',
  { sessionId: string; accountId: string; reason: SessionEndReason; endedAt: string }
>;

export type SessionEvent = SessionStarted | SessionRefreshed | SessionEnded;
