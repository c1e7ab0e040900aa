import { DomainEvent } from '../../platform/domain/decider';
import { GrantableRole, InvitableRole } from './account.roles';
import { LoginKind } from './login';
import { CodePurpose } from './one-time-code';

// Every event names its account: the personal-data policy needs the subject inside the event (and seals it).

export type AccountRegistered = DomainEvent<
  'AccountRegistered',
  {
    accountId: string;
    loginKind: LoginKind;
    /** The normal form (E.164 or lowercased e-mail). */
    login: string;
    displayName: string;
    passwordHash: string;
    role: 'citizen';
    registeredAt: string;
    confirmationCodeHash: string;
    codeExpiresAt: string;
  }
>;

export type AccountConfirmed = DomainEvent<'AccountConfirmed', { accountId: string; confirmedAt: string }>;

/** A wrong code, for either purpose; `attempts` counts them since the code was issued. */
export type ConfirmationCodeFailed = DomainEvent<
  'ConfirmationCodeFailed',
  { accountId: string; purpose: CodePurpose; attempts: number; failedAt: string }
>;

export type ConfirmationCodeReissued = DomainEvent<
  'ConfirmationCodeReissued',
  { accountId: string; codeHash: string; codeExpiresAt: string; reissuedAt: string }
>;

/**
 * Someone registered a login whose account still waited for its code: the name, password and code are theirs
 * from now on, and the earlier code no longer works. Only whoever receives the new code can confirm.
 */
export type RegistrationRenewed = DomainEvent<
  'RegistrationRenewed',
  {
    accountId: string;
    displayName: string;
    passwordHash: string;
    confirmationCodeHash: string;
    codeExpiresAt: string;
    renewedAt: string;
  }
>;

export type PasswordChanged = DomainEvent<
  'PasswordChanged',
  { accountId: string; passwordHash: string; changedAt: string }
>;

export type PasswordResetRequested = DomainEvent<
  'PasswordResetRequested',
  { accountId: string; codeHash: string; expiresAt: string; requestedAt: string }
>;

export type PasswordReset = DomainEvent<
  'PasswordReset',
  { accountId: string; passwordHash: string; resetAt: string }
>;

/** One role at a time, as tokens carry one: a grant replaces the role held. */
export type RoleGranted = DomainEvent<
  'RoleGranted',
  {
    accountId: string;
    role: GrantableRole;
    /** A facilitator's region; absent for every other role (and for facilitators granted before regions). */
    regionCode?: string;
    grantedAt: string;
  }
>;

/** Back to citizen. */
export type RoleRevoked = DomainEvent<
  'RoleRevoked',
  { accountId: string; role: GrantableRole; revokedAt: string }
>;

/** Every session started before ends; PasswordChanged and PasswordReset end them as well. */
export type SessionsEnded = DomainEvent<'SessionsEnded', { accountId: string; endedAt: string }>;

/** The person's key is destroyed right after: every sealed field of this account then reads as null. */
export type AccountErased = DomainEvent<'AccountErased', { accountId: string; erasedAt: string }>;

/** An account made by an admin's invitation: no password yet, only the code sent to the login. */
export type AccountInvited = DomainEvent<
  'AccountInvited',
  {
    accountId: string;
    loginKind: LoginKind;
    /** The normal form (E.164 or lowercased e-mail). */
    login: string;
    displayName: string;
    role: InvitableRole;
    regionCode?: string;
    /** The admin who invited: acting in office, so readable. */
    invitedBy: string;
    invitedAt: string;
    codeHash: string;
    codeExpiresAt: string;
  }
>;

export type InvitationReissued = DomainEvent<
  'InvitationReissued',
  { accountId: string; codeHash: string; codeExpiresAt: string; reissuedAt: string }
>;

/** The account never became one: its login is released right after. */
export type InvitationWithdrawn = DomainEvent<
  'InvitationWithdrawn',
  { accountId: string; withdrawnAt: string }
>;

/** The invitee set a password: the account is active, holding the invited role (and region). */
export type InvitationAccepted = DomainEvent<
  'InvitationAccepted',
  { accountId: string; role: InvitableRole; regionCode?: string; passwordHash: string; acceptedAt: string }
>;

export type AccountEvent =
  | AccountRegistered
  | AccountConfirmed
  | ConfirmationCodeFailed
  | ConfirmationCodeReissued
  | RegistrationRenewed
  | PasswordChanged
  | PasswordResetRequested
  | PasswordReset
  | RoleGranted
  | RoleRevoked
  | SessionsEnded
  | AccountErased
  | AccountInvited
  | InvitationReissued
  | InvitationWithdrawn
  | InvitationAccepted;
