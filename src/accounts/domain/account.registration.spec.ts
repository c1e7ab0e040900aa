import { AccountCommand } from './account.commands';
import { Login } from './login';
import {
  ACCOUNT_ID,
  admin,
  as,
  CODE_HASH,
  codeFailed,
  confirmed,
  erased,
  fiveFailures,
  given,
  granted,
  holder,
  minutesLater,
  NEW_CODE_HASH,
  PASSWORD_HASH,
  registered,
  stranger,
  system,
  WRONG_CODE_HASH,
} from './testing/account.fixtures';

const registration = {
  accountId: ACCOUNT_ID,
  login: { kind: 'phone', value: '+6281234567890' } as Login,
  displayName: 'Siti Rahma',
  passwordHash: PASSWORD_HASH,
  codeHash: CODE_HASH,
};
const register = (data: Partial<typeof registration> = {}): AccountCommand => ({
  type: 'RegisterAccount',
  data: { ...registration, ...data },
  metadata: as(holder),
});
const confirm = (codeHash = CODE_HASH, now = minutesLater(5)): AccountCommand => ({
  type: 'ConfirmAccount',
  data: { accountId: ACCOUNT_ID, codeHash },
  metadata: as(holder, now),
});
const activate = (actor = system): AccountCommand => ({
  type: 'ActivateAccount',
  data: { accountId: ACCOUNT_ID },
  metadata: as(actor),
});
const reissue = (codeHash = NEW_CODE_HASH): AccountCommand => ({
  type: 'ReissueConfirmationCode',
  data: { accountId: ACCOUNT_ID, codeHash },
  metadata: as(holder, minutesLater(20)),
});
const erase = (actor = holder): AccountCommand => ({
  type: 'EraseAccount',
  data: { accountId: ACCOUNT_ID },
  metadata: as(actor),
});

describe('RegisterAccount', () => {
  it('registers a citizen waiting for a code valid 15 minutes', () =>
    given().when(register()).then(registered));

  it('registers with an e-mail', () =>
    given()
      .when(register({ login: { kind: 'email', value: 'siti@example.id' } }))
      .then({ ...registered, data: { ...registered.data, loginKind: 'email', login: 'siti@example.id' } }));

  it('trims and composes the display name', () =>
    given()
      .when(register({ displayName: '  Sitì Rahma '.replace('ì', 'i\u0300') }))
      .then({ ...registered, data: { ...registered.data, displayName: 'Sitì Rahma' } }));

  it('refuses an account id already registered', () =>
    given(registered).when(register()).thenFails('conflict', 'account_already_exists'));

  it('refuses to reuse an erased account id', () =>
    given(registered, erased).when(register()).thenFails('conflict', 'account_already_exists'));

  it.each([
    ['a phone as entered', { kind: 'phone', value: '0812-3456-7890' }],
    ['an e-mail not lowercased', { kind: 'email', value: 'Siti@example.id' }],
    ['an invalid phone', { kind: 'phone', value: '+62123' }],
  ] as [string, Login][])('refuses %s as login', (_case, login) =>
    given().when(register({ login })).thenFails('invalid', 'login_not_normal', 'login'),
  );

  it.each([
    ['empty', '   '],
    ['too long', 'a'.repeat(101)],
    ['with a control character', 'Siti\u0007'],
  ])('refuses a display name %s', (_case, displayName) =>
    given().when(register({ displayName })).thenFails('invalid', 'invalid_display_name', 'displayName'),
  );

  it('refuses a password that is not a hash', () =>
    given()
      .when(register({ passwordHash: 'rahasia123' }))
      .thenFails('invalid', 'invalid_password_hash', 'passwordHash'));

  it('refuses a code that is not a hash', () =>
    given()
      .when(register({ codeHash: '482913' }))
      .thenFails('invalid', 'invalid_code_hash', 'codeHash'));
});

describe('ConfirmAccount', () => {
  it('confirms with the right code', () =>
    given(registered)
      .when(confirm())
      .then({
        type: 'AccountConfirmed',
        data: { accountId: ACCOUNT_ID, confirmedAt: minutesLater(5).toISOString() },
      }));

  it('records a wrong code as a failed attempt', () =>
    given(registered)
      .when(confirm(WRONG_CODE_HASH))
      .then({ ...codeFailed(1), data: { ...codeFailed(1).data, failedAt: minutesLater(5).toISOString() } }));

  it('counts failed attempts', () =>
    given(registered, codeFailed(1), codeFailed(2))
      .when(confirm(WRONG_CODE_HASH))
      .then({ ...codeFailed(3), data: { ...codeFailed(3).data, failedAt: minutesLater(5).toISOString() } }));

  it('still confirms with the right code after four wrong ones', () =>
    given(registered, ...fiveFailures.slice(0, 4))
      .when(confirm())
      .then({
        type: 'AccountConfirmed',
        data: { accountId: ACCOUNT_ID, confirmedAt: minutesLater(5).toISOString() },
      }));

  it('locks the code after five wrong ones, even against the right code', () =>
    given(registered, ...fiveFailures)
      .when(confirm())
      .thenFails('conflict', 'code_locked'));

  it('refuses an expired code', () =>
    given(registered)
      .when(confirm(CODE_HASH, minutesLater(15)))
      .thenFails('conflict', 'code_expired'));

  it('refuses to confirm twice', () =>
    given(registered, confirmed).when(confirm()).thenFails('conflict', 'account_already_confirmed'));

  it('refuses an unknown account', () => given().when(confirm()).thenFails('not_found', 'account_not_found'));

  it('refuses a code that is not a hash', () =>
    given(registered).when(confirm('482913')).thenFails('invalid', 'invalid_code_hash', 'codeHash'));
});

describe('ActivateAccount', () => {
  it('lets the platform itself activate without a code', () =>
    given(registered).when(activate()).then(confirmed));

  it('activates even with the code locked: no code is involved', () =>
    given(registered, ...fiveFailures)
      .when(activate())
      .then(confirmed));

  it.each([holder, admin])('refuses anyone but the platform (%j)', (actor) =>
    given(registered).when(activate(actor)).thenFails('forbidden', 'system_only'),
  );

  it('refuses an account already active', () =>
    given(registered, confirmed).when(activate()).thenFails('conflict', 'account_already_confirmed'));

  it('refuses an unknown account', () =>
    given().when(activate()).thenFails('not_found', 'account_not_found'));
});

describe('ReissueConfirmationCode', () => {
  const reissued = {
    type: 'ConfirmationCodeReissued',
    data: {
      accountId: ACCOUNT_ID,
      codeHash: NEW_CODE_HASH,
      codeExpiresAt: minutesLater(35).toISOString(),
      reissuedAt: minutesLater(20).toISOString(),
    },
  } as const;

  it('issues a new code with a new expiry', () => given(registered).when(reissue()).then(reissued));

  it('unlocks a locked code: the new one has its own attempts', () =>
    given(registered, ...fiveFailures, reissued)
      .when({ ...confirm(NEW_CODE_HASH, minutesLater(25)) })
      .then({
        type: 'AccountConfirmed',
        data: { accountId: ACCOUNT_ID, confirmedAt: minutesLater(25).toISOString() },
      }));

  it('makes the old code wrong', () =>
    given(registered, reissued)
      .when(confirm(CODE_HASH, minutesLater(25)))
      .then({ ...codeFailed(1), data: { ...codeFailed(1).data, failedAt: minutesLater(25).toISOString() } }));

  it('refuses a confirmed account', () =>
    given(registered, confirmed).when(reissue()).thenFails('conflict', 'account_already_confirmed'));

  it('refuses an unknown account', () => given().when(reissue()).thenFails('not_found', 'account_not_found'));

  it('refuses a code that is not a hash', () =>
    given(registered).when(reissue('x')).thenFails('invalid', 'invalid_code_hash', 'codeHash'));
});

describe('EraseAccount', () => {
  it('erases at the holder’s request', () => given(registered, confirmed).when(erase()).then(erased));

  it('erases an account never confirmed', () => given(registered).when(erase()).then(erased));

  it('lets an admin erase on the holder’s behalf', () =>
    given(registered, confirmed).when(erase(admin)).then(erased));

  it('refuses anyone else', () =>
    given(registered, confirmed)
      .when(erase(stranger))
      .thenFails('forbidden', 'account_holder_or_admin_only'));

  it('refuses to erase an admin until another admin revoked the role', () =>
    given(registered, confirmed, granted('admin')).when(erase()).thenFails('conflict', 'admin_role_held'));

  it('refuses an account already erased', () =>
    given(registered, confirmed, erased).when(erase()).thenFails('not_found', 'account_not_found'));

  it('answers every later command as if the account never was', () =>
    given(registered, confirmed, erased).when(confirm()).thenFails('not_found', 'account_not_found'));
});
