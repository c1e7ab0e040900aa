import { invalid } from '../domain/domain-errors';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

// Codes are a client contract (problem details `code`): never rename one.
export const passwordErrors = {
  length: () =>
    invalid(
      'invalid_password_length',
      `The password must be ${PASSWORD_MIN}–${PASSWORD_MAX} characters`,
      'password',
    ),
  blank: () => invalid('blank_password', 'The password cannot be only spaces', 'password'),
  sameAsLogin: () =>
    invalid('password_is_login', 'The password cannot be your phone number or e-mail', 'password'),
};

/**
 * Returns the password as it will be hashed (NFC), or throws an `invalid` DomainError on `password`.
 * Following NIST SP 800-63B: length, not composition rules (which push people to `Password1!`); any
 * character, spaces included, so a passphrase in any script works. The upper bound keeps argon2's input,
 * and so a sign-in's cost, bounded. The login is refused because it is the first guess an attacker makes.
 * Lengths count characters, not UTF-16 units, so an emoji counts once.
 */
export function acceptablePassword(password: string, logins: readonly string[]): string {
  const normalised = password.normalize('NFC');
  const length = [...normalised].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) throw passwordErrors.length();
  if (normalised.trim() === '') throw passwordErrors.blank();
  const guessable = new Set(logins.flatMap((login) => comparable(login)));
  if (comparable(normalised).some((form) => guessable.has(form))) throw passwordErrors.sameAsLogin();
  return normalised;
}

/** The forms a login is written in: as entered, case-folded, and (for phones) its digits alone. */
function comparable(text: string): string[] {
  const folded = text.normalize('NFC').trim().toLowerCase();
  const digits = folded.replace(/\D/g, '');
  return digits.length >= PASSWORD_MIN && /^[\d\s+().-]+$/.test(folded) ? [folded, digits] : [folded];
}
