import { AccountCommand } from './account.commands';
import { RegistrationRenewed } from './account.events';
import { evolve, initialState } from './account.state';
import {
  ACCOUNT_ID,
  as,
  CODE_HASH,
  codeFailed,
  confirmed,
  erased,
  fiveFailures,
  given,
  holder,
  invited,
  minutesLater,
  NEW_CODE_HASH,
  NEW_PASSWORD_HASH,
  PASSWORD_HASH,
  registered,
  WRONG_CODE_HASH,
} from './testing/account.fixtures';

// The phone-claim hijack: Budi registers Siti's number with his password; the code goes to Siti's phone.

const renewal = {
  accountId: ACCOUNT_ID,
  displayName: 'Siti Rahma',
  passwordHash: NEW_PASSWORD_HASH,
  codeHash: NEW_CODE_HASH,
};
const renew = (data: Partial<typeof renewal> = {}, now = minutesLater(2)): AccountCommand => ({
  type: 'RenewRegistration',
  data: { ...renewal, ...data },
  metadata: as(holder, now),
});
const renewedAt = (minutes: number): RegistrationRenewed => ({
  type: 'RegistrationRenewed',
  data: {
    accountId: ACCOUNT_ID,
    displayName: 'Siti Rahma',
    passwordHash: NEW_PASSWORD_HASH,
    confirmationCodeHash: NEW_CODE_HASH,
    codeExpiresAt: minutesLater(minutes + 15).toISOString(),
    renewedAt: minutesLater(minutes).toISOString(),
  },
});
const renewed = renewedAt(2);
const confirm = (codeHash: string, passwordMatches?: boolean, now = minutesLater(5)): AccountCommand => ({
  type: 'ConfirmAccount',
  data: { accountId: ACCOUNT_ID, codeHash, ...(passwordMatches === undefined ? {} : { passwordMatches }) },
  metadata: as(holder, now),
});
const confirmedAt = (minutes: number) => ({
  type: 'AccountConfirmed' as const,
  data: { accountId: ACCOUNT_ID, confirmedAt: minutesLater(minutes).toISOString() },
});
const failedAt = (attempts: number, minutes: number) => ({
  ...codeFailed(attempts),
  data: { ...codeFailed(attempts).data, failedAt: minutesLater(minutes).toISOString() },
});
const budisRegistration = {
  ...registered,
  data: { ...registered.data, displayName: 'Budi', passwordHash: PASSWORD_HASH },
};

describe('RenewRegistration', () => {
  it('gives a pending registration a new name, password and code, valid 15 minutes from the renewal', () =>
    given(budisRegistration).when(renew()).then(renewed));

  it('renews after the first code expired too', () =>
    given(budisRegistration)
      .when(renew({}, minutesLater(40)))
      .then(renewedAt(40)));

  it('keeps the login and the registration time, and takes the new name, password and code', () =>
    expect([budisRegistration, renewed].reduce(evolve, initialState)).toEqual({
      status: 'pending',
      accountId: ACCOUNT_ID,
      login: { kind: 'phone', value: '+6281234567890' },
      displayName: 'Siti Rahma',
      passwordHash: NEW_PASSWORD_HASH,
      registeredAt: registered.data.registeredAt,
      code: { hash: NEW_CODE_HASH, expiresAt: minutesLater(17).toISOString(), attempts: 0 },
    }));

  it('makes the earlier code wrong', () =>
    given(budisRegistration, renewed).when(confirm(CODE_HASH)).then(failedAt(1, 5)));

  it('confirms with the new code', () =>
    given(budisRegistration, renewed).when(confirm(NEW_CODE_HASH, true)).then(confirmedAt(5)));

  it('starts the attempts again, also for a locked code', () =>
    given(budisRegistration, ...fiveFailures, renewed)
      .when(confirm(WRONG_CODE_HASH))
      .then(failedAt(1, 5)));

  it('refuses an account already confirmed: the login is taken for good', () =>
    given(registered, confirmed).when(renew()).thenFails('conflict', 'account_already_confirmed'));

  it('refuses an invitation waiting for its invitee', () =>
    given(invited()).when(renew()).thenFails('conflict', 'invitation_pending'));

  it.each([
    ['an unknown account', []],
    ['an erased account', [registered, erased]],
  ] as const)('refuses %s', (_case, events) =>
    given(...events)
      .when(renew())
      .thenFails('not_found', 'account_not_found'),
  );

  it.each([
    ['displayName', { displayName: ' ' }, 'invalid_display_name'],
    ['passwordHash', { passwordHash: 'rahasia123' }, 'invalid_password_hash'],
    ['codeHash', { codeHash: '771204' }, 'invalid_code_hash'],
  ] as const)('refuses a bad %s, naming it', (field, data, code) =>
    given(budisRegistration).when(renew(data)).thenFails('invalid', code, field),
  );
});

describe('ConfirmAccount with a password', () => {
  it('confirms when the password matches the registration', () =>
    given(registered).when(confirm(CODE_HASH, true)).then(confirmedAt(5)));

  it('records a password that does not match as a failed attempt, like a wrong code', () =>
    given(registered).when(confirm(CODE_HASH, false)).then(failedAt(1, 5)));

  it('records a wrong code and a wrong password as one attempt', () =>
    given(registered, codeFailed(1)).when(confirm(WRONG_CODE_HASH, false)).then(failedAt(2, 5)));

  it('locks the code after five failures, whichever part was wrong', () =>
    given(registered, ...fiveFailures)
      .when(confirm(CODE_HASH, true))
      .thenFails('conflict', 'code_locked'));

  it('refuses an expired code before looking at the password: nothing to count', () =>
    given(registered)
      .when(confirm(CODE_HASH, false, minutesLater(15)))
      .thenFails('conflict', 'code_expired'));

  it('confirms with the code alone when no password was sent, as before', () =>
    given(registered).when(confirm(CODE_HASH)).then(confirmedAt(5)));

  it('counts anything but a clear match as a mismatch', () =>
    given(registered)
      .when(confirm(CODE_HASH, 'yes' as unknown as boolean))
      .then(failedAt(1, 5)));
});
