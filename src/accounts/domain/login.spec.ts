import fc from 'fast-check';
import { DomainError } from '../../platform/domain/domain-errors';
import { emailLogin, enteredLogin, isNormalLogin, loginSpellings, phoneLogin } from './login';

const failure = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    const { kind, code, field } = error as DomainError;
    return { kind, code, field };
  }
  return undefined;
};

describe('phone login', () => {
  it.each([
    ['a mobile number written the Indonesian way', '0812-3456-7890', '+6281234567890'],
    ['with spaces', '0812 3456 7890', '+6281234567890'],
    ['in international form', '+62 812-3456-7890', '+6281234567890'],
    ['with dots', '+62812.3456.7890', '+6281234567890'],
    ['a Jakarta fixed line', '(021) 555-0123', '+62215550123'],
    ['a Kasongan fixed line', '0536 3221234', '+625363221234'],
    ['a number abroad, in international form', '+1 202-555-0143', '+12025550143'],
  ])('normalises %s to E.164', (_case, entered, e164) =>
    expect(phoneLogin(entered)).toEqual({ kind: 'phone', value: e164 }),
  );

  it.each([
    ['too short', '08123'],
    ['not a number', 'nomor saya'],
    ['text around a number', 'hubungi 081234567890'],
    ['a number with an extension', '021 5550123 ext 5'],
    ['a number no one can have', '+62 000 0000 0000'],
    ['empty', ''],
  ])('refuses %s', (_case, entered) =>
    expect(failure(() => phoneLogin(entered))).toEqual({
      kind: 'invalid',
      code: 'invalid_phone',
      field: 'phone',
    }),
  );
});

describe('e-mail login', () => {
  it.each([
    ['trimmed', '  siti@example.id ', 'siti@example.id'],
    ['lowercased, local part included', 'Siti.Rahma@Example.ID', 'siti.rahma@example.id'],
    ['keeping dots and plus tags', 'siti.r+suara@gmail.com', 'siti.r+suara@gmail.com'],
  ])('is %s', (_case, entered, normal) =>
    expect(emailLogin(entered)).toEqual({ kind: 'email', value: normal }),
  );

  it.each([
    ['without @', 'siti.example.id'],
    ['without a domain', 'siti@'],
    ['without a dot in the domain', 'siti@localhost'],
    ['with spaces inside', 'siti rahma@example.id'],
    ['with a local part over 64 characters', `${'a'.repeat(65)}@example.id`],
    ['over 254 characters', `siti@${'a'.repeat(250)}.id`],
  ])('refuses an address %s', (_case, entered) =>
    expect(failure(() => emailLogin(entered))).toEqual({
      kind: 'invalid',
      code: 'invalid_email',
      field: 'email',
    }),
  );
});

describe('login as entered at sign-in', () => {
  it('reads an e-mail by its @ and anything else as a phone', () => {
    expect(enteredLogin('Siti@Example.id')).toEqual({ kind: 'email', value: 'siti@example.id' });
    expect(enteredLogin('0812-3456-7890')).toEqual({ kind: 'phone', value: '+6281234567890' });
  });
});

describe('normal form', () => {
  it('holds for normalised logins only', () => {
    expect(isNormalLogin({ kind: 'phone', value: '+6281234567890' })).toBe(true);
    expect(isNormalLogin({ kind: 'email', value: 'siti@example.id' })).toBe(true);
    expect(isNormalLogin({ kind: 'phone', value: '081234567890' })).toBe(false);
    expect(isNormalLogin({ kind: 'email', value: 'Siti@example.id' })).toBe(false);
    expect(isNormalLogin({ kind: 'email', value: '+6281234567890' })).toBe(false);
  });
});

describe('phone normalisation, for any way of writing the number', () => {
  const separators = fc.constantFrom('', ' ', '-', '.', ' - ');
  const writings = fc
    .tuple(fc.constantFrom('0', '+62', '+62 ', '62'), fc.array(separators, { minLength: 11, maxLength: 11 }))
    .map(([prefix, gaps]) => prefix + [...'81234567890'].map((digit, index) => digit + gaps[index]).join(''));

  it('finds the one E.164 number, and normalising it again changes nothing', () =>
    fc.assert(
      fc.property(writings, (written) => {
        const login = phoneLogin(written.trim());
        expect(login.value).toBe('+6281234567890');
        expect(phoneLogin(login.value)).toEqual(login);
      }),
    ));
});

describe('loginSpellings', () => {
  it('writes an Indonesian number in E.164 and as dialled at home', () =>
    expect(loginSpellings(phoneLogin('0812-3456-7890'))).toEqual(['+6281234567890', '0812-3456-7890']));

  it('writes an e-mail address once', () =>
    expect(loginSpellings(emailLogin('Siti@Example.ID'))).toEqual(['siti@example.id']));
});
