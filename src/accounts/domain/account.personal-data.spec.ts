import { randomBytes } from 'node:crypto';
import { accountPersonalData } from './account.personal-data';
import { accountStream, loginReservationStream } from './account.streams';
import { ACCOUNT_ID, confirmed, granted, registered, resetRequested } from './testing/account.fixtures';

describe('account personal data', () => {
  it('seals who registered, with what login, name, password hash and code hash, with their own key', () =>
    expect(accountPersonalData(registered)).toEqual(
      ['accountId', 'login', 'displayName', 'passwordHash', 'confirmationCodeHash'].map((field) => ({
        field,
        subject: ACCOUNT_ID,
      })),
    ));

  it('seals the name, password hash and code hash of a renewed registration', () => {
    const renewed = {
      type: 'RegistrationRenewed',
      data: {
        accountId: ACCOUNT_ID,
        displayName: 'Siti Rahma',
        passwordHash: '$argon2id$x',
        confirmationCodeHash: 'ab',
        codeExpiresAt: '',
        renewedAt: '',
      },
    };
    expect(accountPersonalData(renewed)).toEqual(
      ['accountId', 'displayName', 'passwordHash', 'confirmationCodeHash'].map((field) => ({
        field,
        subject: ACCOUNT_ID,
      })),
    );
  });

  it('seals every code hash and password hash that follows', () => {
    expect(accountPersonalData(resetRequested)).toEqual([
      { field: 'accountId', subject: ACCOUNT_ID },
      { field: 'codeHash', subject: ACCOUNT_ID },
    ]);
    const changed = {
      type: 'PasswordChanged',
      data: { accountId: ACCOUNT_ID, passwordHash: '$argon2id$x', changedAt: '' },
    };
    expect(accountPersonalData(changed).map((field) => field.field)).toEqual(['accountId', 'passwordHash']);
  });

  it('leaves roles and times readable, sealing only the account id', () => {
    expect(accountPersonalData(granted('auditor'))).toEqual([{ field: 'accountId', subject: ACCOUNT_ID }]);
    expect(accountPersonalData(confirmed)).toEqual([{ field: 'accountId', subject: ACCOUNT_ID }]);
  });

  it('seals the account id a login reservation names', () =>
    expect(
      accountPersonalData({ type: 'LoginReserved', data: { accountId: ACCOUNT_ID, reservedAt: '' } }),
    ).toEqual([{ field: 'accountId', subject: ACCOUNT_ID }]));

  it('says nothing about other features’ events', () =>
    expect(accountPersonalData({ type: 'AspirationSubmitted', data: {} })).toEqual([]));
});

describe('account streams', () => {
  const key = randomBytes(32);

  it('names an account’s stream without its id', () => {
    expect(accountStream(ACCOUNT_ID)).toMatch(/^account-[0-9a-f]{32}$/);
    expect(accountStream(ACCOUNT_ID)).not.toContain(ACCOUNT_ID.slice(0, 8));
    expect(accountStream(ACCOUNT_ID)).toBe(accountStream(ACCOUNT_ID));
  });

  it('names a login’s reservation by a keyed digest, never the phone or e-mail', () => {
    const phone = loginReservationStream({ kind: 'phone', value: '+6281234567890' }, key);
    expect(phone).toMatch(/^login-[0-9a-f]{32}$/);
    expect(phone).not.toContain('81234567890');
    expect(loginReservationStream({ kind: 'phone', value: '+6281234567890' }, key)).toBe(phone);
    expect(loginReservationStream({ kind: 'phone', value: '+6281234567891' }, key)).not.toBe(phone);
  });

  it('gives another deployment (another key) other names, so a guessed number cannot be looked up', () =>
    expect(loginReservationStream({ kind: 'email', value: 'siti@example.id' }, randomBytes(32))).not.toBe(
      loginReservationStream({ kind: 'email', value: 'siti@example.id' }, key),
    ));

  it('refuses a short key', () =>
    expect(() =>
      loginReservationStream({ kind: 'email', value: 'siti@example.id' }, randomBytes(16)),
    ).toThrow(/32 bytes/));
});
