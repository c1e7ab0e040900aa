import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { accountErrors } from './account.errors';

export type LoginKind = 'phone' | 'email';

/** What a person signs in with, in its one normal form: the key of its reservation. */
export interface Login {
  readonly kind: LoginKind;
  readonly value: string;
}

// Numbers that can be reached by SMS, WhatsApp or a voice call; not pagers, premium or shared-cost lines.
const REACHABLE = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

/**
 * E.164 through libphonenumber-js's full metadata, Indonesia by default: "0812-3456-7890" is
 * "+6281234567890". Numbers abroad are welcome in international form (+…).
 */
export function phoneLogin(entered: string): Login {
  let number;
  try {
    number = parsePhoneNumberWithError(entered.trim(), { defaultCountry: 'ID', extract: false });
  } catch {
    throw accountErrors.invalidPhone();
  }
  // An extension cannot receive a code; the type is only known with the full metadata.
  const type = number.getType();
  if (!number.isValid() || number.ext || type === undefined || !REACHABLE.has(type))
    throw accountErrors.invalidPhone();
  return { kind: 'phone', value: number.number };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

/**
 * Trimmed and lowercased, local part included. RFC 5321 lets a mailbox be case-sensitive, but mail systems
 * in use do not treat it so, while phone keyboards capitalise the first letter: folding keeps one person
 * to one account and lets "Siti@…" sign in as "siti@…". Dots and plus tags are kept: those rules belong to
 * particular providers.
 */
export function emailLogin(entered: string): Login {
  const value = entered.normalize('NFC').trim().toLowerCase();
  const at = value.lastIndexOf('@');
  if (!EMAIL.test(value) || value.length > 254 || at > 64) throw accountErrors.invalidEmail();
  return { kind: 'email', value };
}

/** A login typed into the sign-in form: an e-mail when it holds an @, otherwise a phone number. */
export function enteredLogin(entered: string): Login {
  return entered.includes('@') ? emailLogin(entered) : phoneLogin(entered);
}

/** True when the login is already in normal form, as commands must carry it. */
export function isNormalLogin(login: Login): boolean {
  try {
    const normal = login.kind === 'phone' ? phoneLogin(login.value) : emailLogin(login.value);
    return normal.value === login.value && normal.kind === login.kind;
  } catch {
    return false;
  }
}

/** The ways a person writes their login, so that the password policy can refuse each as a password. */
export function loginSpellings(login: Login): string[] {
  if (login.kind === 'email') return [login.value];
  return [login.value, parsePhoneNumberWithError(login.value).formatNational()];
}
