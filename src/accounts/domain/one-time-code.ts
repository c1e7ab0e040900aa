import { createHash } from 'node:crypto';

/** Six digits: easy to type from an SMS, and with 5 attempts a guess succeeds once in 200,000. */
export const CODE_DIGITS = 6;
export const CODE_VALID_MINUTES = 15;
export const MAX_CODE_ATTEMPTS = 5;

/** What a code is for; each has its own hash, expiry and attempt count. */
export type CodePurpose = 'confirm_account' | 'reset_password' | 'accept_invitation';

/** An invitation waits a week: the invitee may be in the field, far from a signal. */
export const INVITATION_VALID_DAYS = 7;

/**
 * What is stored for a code: SHA-256 of the account id and the code, so the same code for two accounts
 * hashes differently. Six digits are easily brute-forced from a hash, so the events seal it as well.
 */
export function codeDigest(accountId: string, code: string): string {
  return createHash('sha256').update(`${accountId}:${code}`).digest('hex');
}

export const isCodeDigest = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

export const isCodeShape = (code: string): boolean => new RegExp(`^\\d{${CODE_DIGITS}}$`).test(code);

export function codeExpiry(now: Date): string {
  return new Date(now.getTime() + CODE_VALID_MINUTES * 60_000).toISOString();
}

export function invitationExpiry(now: Date): string {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 86_400_000).toISOString();
}
