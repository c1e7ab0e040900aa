import { AccountCommand } from './account.commands';
import {
  ACCOUNT_ID,
  AT,
  admin,
  as,
  codeFailed,
  confirmed,
  erased,
  given,
  holder,
  minutesLater,
  NEW_CODE_HASH,
  NEW_PASSWORD_HASH,
  NOW,
  registered,
  resetRequested,
  stranger,
  WRONG_CODE_HASH,
} from './testing/account.fixtures';

const LATER = minutesLater(5);

const changePassword = (
  currentPasswordMatches = true,
  actor = holder,
  passwordHash = NEW_PASSWORD_HASH,
): AccountCommand => ({
  type: 'ChangePassword',
  data: { accountId: ACCOUNT_ID, currentPasswordMatches, passwordHash },
  metadata: as(actor),
});
const requestReset = (codeHash = NEW_CODE_HASH): AccountCommand => ({
  type: 'RequestPasswordReset',
  data: { accountId: ACCOUNT_ID, codeHash },
  metadata: as(stranger),
});
const reset = (codeHash = NEW_CODE_HASH, now = LATER, passwordHash = NEW_PASSWORD_HASH): AccountCommand => ({
  type: 'ResetPassword',
  data: { accountId: ACCOUNT_ID, codeHash, passwordHash },
  metadata: as(stranger, now),
});
const resetFailed = (attempts: number) => ({
  ...codeFailed(attempts, 'reset_password'),
  data: { ...codeFailed(attempts, 'reset_password').data, failedAt: LATER.toISOString() },
});
const passwordReset = {
  type: 'PasswordReset',
  data: { accountId: ACCOUNT_ID, passwordHash: NEW_PASSWORD_HASH, resetAt: LATER.toISOString() },
} as const;

describe('ChangePassword', () => {
  it('changes the password of the holder who knows the current one', () =>
    given(registered, confirmed)
      .when(changePassword())
      .then({
        type: 'PasswordChanged',
        data: { accountId: ACCOUNT_ID, passwordHash: NEW_PASSWORD_HASH, changedAt: NOW.toISOString() },
      }));

  it('refuses a wrong current password', () =>
    given(registered, confirmed).when(changePassword(false)).thenFails('forbidden', 'wrong_password'));

  it('refuses anyone but the holder, an admin included', () => {
    given(registered, confirmed)
      .when(changePassword(true, stranger))
      .thenFails('forbidden', 'account_holder_only');
    given(registered, confirmed)
      .when(changePassword(true, admin))
      .thenFails('forbidden', 'account_holder_only');
  });

  it('refuses an account not confirmed yet', () =>
    given(registered).when(changePassword()).thenFails('conflict', 'account_not_confirmed'));

  it('tells a stranger only that they may not, whatever the account’s status', () =>
    given(registered).when(changePassword(true, stranger)).thenFails('forbidden', 'account_holder_only'));

  it('refuses an erased account', () =>
    given(registered, confirmed, erased).when(changePassword()).thenFails('not_found', 'account_not_found'));

  it('refuses a new password that is not a hash', () =>
    given(registered, confirmed)
      .when(changePassword(true, holder, 'rahasia-baru'))
      .thenFails('invalid', 'invalid_password_hash', 'passwordHash'));
});

describe('RequestPasswordReset', () => {
  it('records a reset code valid 15 minutes', () =>
    given(registered, confirmed).when(requestReset()).then(resetRequested));

  it('replaces an earlier reset code', () =>
    given(registered, confirmed, resetRequested, resetFailed(1)).when(requestReset()).then(resetRequested));

  it('refuses an account not confirmed yet (it confirms first)', () =>
    given(registered).when(requestReset()).thenFails('conflict', 'account_not_confirmed'));

  it('refuses an unknown account', () =>
    given().when(requestReset()).thenFails('not_found', 'account_not_found'));

  it('refuses a code that is not a hash', () =>
    given(registered, confirmed)
      .when(requestReset('123456'))
      .thenFails('invalid', 'invalid_code_hash', 'codeHash'));
});

describe('ResetPassword', () => {
  it('sets the new password with the right code', () =>
    given(registered, confirmed, resetRequested).when(reset()).then(passwordReset));

  it('records a wrong code as a failed attempt', () =>
    given(registered, confirmed, resetRequested).when(reset(WRONG_CODE_HASH)).then(resetFailed(1)));

  it('counts failed attempts', () =>
    given(registered, confirmed, resetRequested, resetFailed(1), resetFailed(2))
      .when(reset(WRONG_CODE_HASH))
      .then(resetFailed(3)));

  it('locks the code after five wrong ones, even against the right code', () =>
    given(registered, confirmed, resetRequested, ...[1, 2, 3, 4, 5].map(resetFailed))
      .when(reset())
      .thenFails('conflict', 'code_locked'));

  it('refuses an expired code', () =>
    given(registered, confirmed, resetRequested)
      .when(reset(NEW_CODE_HASH, minutesLater(16)))
      .thenFails('conflict', 'code_expired'));

  it('uses a code once', () =>
    given(registered, confirmed, resetRequested, passwordReset)
      .when(reset())
      .thenFails('conflict', 'no_reset_requested'));

  it('refuses when no reset was requested', () =>
    given(registered, confirmed).when(reset()).thenFails('conflict', 'no_reset_requested'));

  it('does not take the confirmation code for a reset code', () =>
    given(registered, confirmed, resetRequested)
      .when(reset(registered.data.confirmationCodeHash))
      .then(resetFailed(1)));

  it('refuses an account not confirmed yet', () =>
    given(registered).when(reset()).thenFails('conflict', 'account_not_confirmed'));

  it('refuses a new password that is not a hash', () =>
    given(registered, confirmed, resetRequested)
      .when(reset(NEW_CODE_HASH, LATER, ''))
      .thenFails('invalid', 'invalid_password_hash', 'passwordHash'));
});

describe('EndSessions', () => {
  const endSessions = (actor = holder) =>
    ({ type: 'EndSessions', data: { accountId: ACCOUNT_ID }, metadata: as(actor) }) as const;

  it('ends every session of the holder', () =>
    given(registered, confirmed)
      .when(endSessions())
      .then({ type: 'SessionsEnded', data: { accountId: ACCOUNT_ID, endedAt: AT } }));

  it('is the holder’s alone', () =>
    given(registered, confirmed).when(endSessions(stranger)).thenFails('forbidden', 'account_holder_only'));

  it('needs a confirmed account', () =>
    given(registered).when(endSessions()).thenFails('conflict', 'account_not_confirmed'));
});
