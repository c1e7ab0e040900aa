import {
  ActivateAccount,
  ConfirmAccount,
  EraseAccount,
  RegisterAccount,
  ReissueConfirmationCode,
} from './account.commands';
import { accountErrors as errors } from './account.errors';
import { AccountEvent, ConfirmationCodeFailed } from './account.events';
import { existing, requireUsable, validCodeHash, validPasswordHash } from './account.guards';
import { AccountState } from './account.state';
import { isNormalLogin } from './login';
import { codeExpiry, CodePurpose } from './one-time-code';

const DISPLAY_NAME_MAX = 100;

/** Trimmed NFC text of 1–100 characters without control characters: it shows in threads and e-mails. */
export function validDisplayName(value: unknown): string {
  if (typeof value !== 'string') throw errors.invalidDisplayName();
  const name = value.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > DISPLAY_NAME_MAX || /\p{Cc}/u.test(name)) throw errors.invalidDisplayName();
  return name;
}

/** Anyone may register: the route is public; the login was reserved for this account just before. */
export function register({ data, metadata }: RegisterAccount, state: AccountState): AccountEvent[] {
  if (state.status !== 'none') throw errors.alreadyRegistered();
  if (!isNormalLogin(data.login)) throw errors.loginNotNormal();
  const displayName = validDisplayName(data.displayName);
  const passwordHash = validPasswordHash(data.passwordHash);
  const confirmationCodeHash = validCodeHash(data.codeHash);
  const registeredAt = metadata.now.toISOString();
  return [
    {
      type: 'AccountRegistered',
      data: {
        accountId: data.accountId,
        loginKind: data.login.kind,
        login: data.login.value,
        displayName,
        passwordHash,
        role: 'citizen',
        registeredAt,
        confirmationCodeHash,
        codeExpiresAt: codeExpiry(metadata.now),
      },
    },
  ];
}

/**
 * Whoever holds the code confirms, knowing the password too when they sent one. A wrong code or password is
 * recorded (not thrown) so that the attempt counts, and alike, so that the answer never says which was wrong.
 */
export function confirm({ data, metadata }: ConfirmAccount, state: AccountState): AccountEvent[] {
  const account = existing(state);
  if (account.status !== 'pending') throw errors.alreadyConfirmed();
  const codeHash = validCodeHash(data.codeHash);
  requireUsable(account.code, metadata.now);
  const passwordRefused = data.passwordMatches !== undefined && data.passwordMatches !== true;
  if (codeHash !== account.code.hash || passwordRefused)
    return [codeFailed(data.accountId, 'confirm_account', account.code.attempts + 1, metadata.now)];
  return [
    {
      type: 'AccountConfirmed',
      data: { accountId: data.accountId, confirmedAt: metadata.now.toISOString() },
    },
  ];
}

/** Without a code, by the platform alone: `npm run admin:create` has no one to send a code to. */
export function activate({ data, metadata }: ActivateAccount, state: AccountState): AccountEvent[] {
  const account = existing(state);
  if (metadata.actor.role !== 'system') throw errors.systemOnly('activate an account without a code');
  if (account.status !== 'pending') throw errors.alreadyConfirmed();
  return [
    {
      type: 'AccountConfirmed',
      data: { accountId: data.accountId, confirmedAt: metadata.now.toISOString() },
    },
  ];
}

/** A new code replaces the old one, with a fresh expiry and attempt count (the route limits how often). */
export function reissue({ data, metadata }: ReissueConfirmationCode, state: AccountState): AccountEvent[] {
  const account = existing(state);
  if (account.status !== 'pending') throw errors.alreadyConfirmed();
  const codeHash = validCodeHash(data.codeHash);
  const reissuedAt = metadata.now.toISOString();
  const codeExpiresAt = codeExpiry(metadata.now);
  return [
    {
      type: 'ConfirmationCodeReissued',
      data: { accountId: data.accountId, codeHash, codeExpiresAt, reissuedAt },
    },
  ];
}

/** The holder erases themselves (UU 27/2022); an admin may, for a holder who lost access and asked in writing. */
export function erase({ data, metadata }: EraseAccount, state: AccountState): AccountEvent[] {
  const account = existing(state);
  // Like own_role: the last admin must never leave the platform without one by mistake.
  if (account.status === 'active' && account.role === 'admin') throw errors.adminErasure();
  const { actor } = metadata;
  if (actor.id !== data.accountId && actor.role !== 'admin')
    throw errors.selfOrAdminOnly('erase this account');
  return [
    { type: 'AccountErased', data: { accountId: data.accountId, erasedAt: metadata.now.toISOString() } },
  ];
}

export function codeFailed(
  accountId: string,
  purpose: CodePurpose,
  attempts: number,
  now: Date,
): ConfirmationCodeFailed {
  return {
    type: 'ConfirmationCodeFailed',
    data: { accountId, purpose, attempts, failedAt: now.toISOString() },
  };
}
