import { Command } from '../../platform/domain/decider';
import { Login } from './login';

// Every command names its account so the handler can pick the stream (accountStream). Hashes arrive made:
// the handler hashes passwords (argon2id) and codes (codeDigest); the decider compares and stores them.

export type RegisterAccount = Command<
  'RegisterAccount',
  { accountId: string; login: Login; displayName: string; passwordHash: string; codeHash: string }
>;

export type ConfirmAccount = Command<'ConfirmAccount', { accountId: string; codeHash: string }>;

/** The platform itself (the command line creating the first admin) activates without a code. */
export type ActivateAccount = Command<'ActivateAccount', { accountId: string }>;

export type ReissueConfirmationCode = Command<
  'ReissueConfirmationCode',
  { accountId: string; codeHash: string }
>;

/** The handler checks the current password against the stored hash; the decider refuses when it did not match. */
export type ChangePassword = Command<
  'ChangePassword',
  { accountId: string; currentPasswordMatches: boolean; passwordHash: string }
>;

export type RequestPasswordReset = Command<'RequestPasswordReset', { accountId: string; codeHash: string }>;

export type ResetPassword = Command<
  'ResetPassword',
  { accountId: string; codeHash: string; passwordHash: string }
>;

export type GrantRole = Command<'GrantRole', { accountId: string; role: string }>;

export type RevokeRole = Command<'RevokeRole', { accountId: string; role: string }>;

/** Sign-out everywhere: every refresh token of the account stops working. */
export type EndSessions = Command<'EndSessions', { accountId: string }>;

export type EraseAccount = Command<'EraseAccount', { accountId: string }>;

export type AccountCommand =
  | RegisterAccount
  | ConfirmAccount
  | ActivateAccount
  | ReissueConfirmationCode
  | ChangePassword
  | RequestPasswordReset
  | ResetPassword
  | GrantRole
  | RevokeRole
  | EndSessions
  | EraseAccount;
