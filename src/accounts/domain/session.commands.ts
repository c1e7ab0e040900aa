import { Command } from '../../platform/domain/decider';

// Token hashes arrive made (SHA-256 of the opaque token); generation is the account's current one.

export type StartSession = Command<
  'StartSession',
  { sessionId: string; accountId: string; tokenHash: string; generation: number }
>;

export type RefreshSession = Command<
  'RefreshSession',
  { sessionId: string; presentedHash: string; newTokenHash: string; generation: number }
>;

/** Sign-out of this session by whoever holds its refresh token. */
export type EndSession = Command<'EndSession', { sessionId: string; presentedHash: string }>;

export type SessionCommand = StartSession | RefreshSession | EndSession;
