import { Command } from '../../platform/domain/decider';
import { Login } from './login';

// Every command names its account so the handler can pick the stream (accountStream). Hashes arrive made:
// the handler hashes passwords (argon2id) and codes (codeDigest); the decider compares and stores them.

export type RegisterAccount = Command<
  'RegisterAccount',
  { accountId: string; login: Login; displayName: string; passwordHash: string; codeHash: string }
>;

/**
 * `passwordMatches` is there when the confirmer sent a password: the handler checked it against the pending
 * registration's hash. Absent, only the code counts (the contract before passwords were asked for).
 */
export type ConfirmAccount = Command<
  'ConfirmAccount',
  { accountId: string; codeHash: string; passwordMatches?: boolean }
>;

/** A new registration of a login still waiting for its code: a new name, password and code replace the old. */
export type RenewRegistration = Command<
  'RenewRegistration',
  { accountId: string; displayName: string; passwordHash: string; codeHash: string }
>;

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

/** `regionCode` binds a facilitator to a region; no other role takes one. */
export type GrantRole = Command<'GrantRole', { accountId: string; role: string; regionCode?: string }>;

export type RevokeRole = Command<'RevokeRole', { accountId: string; role: string }>;

/** Sign-out everywhere: every refresh token of the account stops working. */
export type EndSessions = Command<'EndSessions', { accountId: string }>;

export type EraseAccount = Command<'EraseAccount', { accountId: string }>;

/** An admin invites a newcomer to a role; the login was reserved for this account just before. */
export type InviteAccount = Command<
  'InviteAccount',
  {
    accountId: string;
    login: Login;
    displayName: string;
    role: string;
    regionCode?: string;
    codeHash: string;
  }
>;

/** A new invitation code (the first expired, was lost or locked): a fresh expiry and attempt count. */
export type ReissueInvitation = Command<'ReissueInvitation', { accountId: string; codeHash: string }>;

export type WithdrawInvitation = Command<'WithdrawInvitation', { accountId: string }>;

/** Whoever holds the invitation code sets the password and holds the invited role from then on. */
export type AcceptInvitation = Command<
  'AcceptInvitation',
  { accountId: string; codeHash: string; passwordHash: string }
>;

export type AccountCommand =
  | RegisterAccount
  | ConfirmAccount
  | RenewRegistration
  | ActivateAccount
  | ReissueConfirmationCode
  | ChangePassword
  | RequestPasswordReset
  | ResetPassword
  | GrantRole
  | RevokeRole
  | EndSessions
  | EraseAccount
  | InviteAccount
  | ReissueInvitation
  | WithdrawInvitation
  | AcceptInvitation;
