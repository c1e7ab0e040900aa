import { ChangePassword, EndSessions, RequestPasswordReset, ResetPassword } from './account.commands';
import { accountErrors as errors } from './account.errors';
import { AccountEvent } from './account.events';
import {
  active,
  existing,
  requireSelf,
  requireUsable,
  validCodeHash,
  validPasswordHash,
} from './account.guards';
import { AccountState } from './account.state';
import { codeExpiry } from './one-time-code';
import { codeFailed } from './registration.decide';

export function changePassword({ data, metadata }: ChangePassword, state: AccountState): AccountEvent[] {
  const found = existing(state);
  requireSelf(metadata.actor, data.accountId, 'change its password');
  const account = active(found);
  const passwordHash = validPasswordHash(data.passwordHash);
  if (data.currentPasswordMatches !== true) throw errors.wrongPassword();
  const changedAt = metadata.now.toISOString();
  return [{ type: 'PasswordChanged', data: { accountId: account.accountId, passwordHash, changedAt } }];
}

/** Anyone may ask (the route answers alike whether or not the login exists); the code goes to the login. */
export function requestPasswordReset(
  { data, metadata }: RequestPasswordReset,
  state: AccountState,
): AccountEvent[] {
  active(existing(state));
  const codeHash = validCodeHash(data.codeHash);
  const requestedAt = metadata.now.toISOString();
  const expiresAt = codeExpiry(metadata.now);
  return [
    { type: 'PasswordResetRequested', data: { accountId: data.accountId, codeHash, expiresAt, requestedAt } },
  ];
}

/** Whoever holds the reset code sets a new password; wrong codes count towards the lock, as for confirmation. */
export function resetPassword({ data, metadata }: ResetPassword, state: AccountState): AccountEvent[] {
  const account = active(existing(state));
  const { resetCode } = account;
  if (resetCode === null) throw errors.noResetRequested();
  const codeHash = validCodeHash(data.codeHash);
  const passwordHash = validPasswordHash(data.passwordHash);
  requireUsable(resetCode, metadata.now);
  if (codeHash !== resetCode.hash)
    return [codeFailed(data.accountId, 'reset_password', resetCode.attempts + 1, metadata.now)];
  return [
    {
      type: 'PasswordReset',
      data: { accountId: data.accountId, passwordHash, resetAt: metadata.now.toISOString() },
    },
  ];
}

/** The holder signs out everywhere: sessions of an older generation are refused at their next refresh. */
export function endSessions({ data, metadata }: EndSessions, state: AccountState): AccountEvent[] {
  const found = existing(state);
  requireSelf(metadata.actor, data.accountId, 'end its sessions');
  active(found);
  return [
    { type: 'SessionsEnded', data: { accountId: data.accountId, endedAt: metadata.now.toISOString() } },
  ];
}
