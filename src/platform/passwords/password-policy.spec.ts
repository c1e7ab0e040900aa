import { DomainError } from '../domain/domain-errors';
import { acceptablePassword } from './password-policy';

const failure = (password: string, logins: string[] = []) => {
  try {
    acceptablePassword(password, logins);
  } catch (error) {
    const { kind, code, field } = error as DomainError;
    return { kind, code, field };
  }
  return undefined;
};

describe('password policy', () => {
  it.each([
    ['eight characters', 'abcdefgh'],
    ['a passphrase with spaces', 'rumah di tepi sungai'],
    ['any script', 'ᮞᮥᮃᮛ ᮝᮛᮌ'],
    ['128 characters', 'a'.repeat(128)],
  ])('accepts %s', (_case, password) => expect(acceptablePassword(password, [])).toBe(password));

  it('returns the NFC form that will be hashed', () =>
    expect(acceptablePassword('Cafe\u0301 Kasongan', [])).toBe('Café Kasongan'));

  it('counts characters, not UTF-16 units', () => {
    expect(failure('😀😀😀😀😀😀😀')).toEqual({
      kind: 'invalid',
      code: 'invalid_password_length',
      field: 'password',
    });
    expect(acceptablePassword('😀'.repeat(8), [])).toBe('😀'.repeat(8));
    expect(failure('😀'.repeat(129))?.code).toBe('invalid_password_length');
  });

  it('refuses a decomposed password that is short once composed', () =>
    expect(failure('e\u0301'.repeat(7))?.code).toBe('invalid_password_length'));

  it.each([
    ['too short', 'abcdefg', 'invalid_password_length'],
    ['too long', 'a'.repeat(129), 'invalid_password_length'],
    ['only spaces', ' \t \u3000    ', 'blank_password'],
  ])('refuses a password %s', (_case, password, code) =>
    expect(failure(password)).toEqual({ kind: 'invalid', code, field: 'password' }),
  );

  it.each([
    ['the e-mail', 'Siti@Example.ID', ['siti@example.id']],
    ['the phone as entered', '0812-3456-7890', ['0812-3456-7890', '+6281234567890']],
    ['the phone in E.164', '+6281234567890', ['0812-3456-7890', '+6281234567890']],
    ['the phone as digits', '6281234567890', ['+6281234567890']],
  ])('refuses %s as the password', (_case, password, logins) =>
    expect(failure(password, logins)?.code).toBe('password_is_login'),
  );
});
