import { createHash, createHmac } from 'node:crypto';
import { Login } from './login';

/**
 * One stream per account, named by a digest of its id so that the id (an actor id, personal once linked
 * to a person) is in no stream name. Account ids are random, so a plain hash cannot be reversed by guessing.
 */
export function accountStream(accountId: string): string {
  return `account-${createHash('sha256').update(`account:${accountId}`).digest('hex').slice(0, 32)}`;
}

export const LOGIN_KEY_BYTES = 32;

/**
 * One stream per normal login, named by an HMAC under the platform's login key: phone numbers are few
 * enough to hash them all, so a plain hash would let anyone with a backup test who is registered. The key
 * is part of the stored contract: a new key moves every reservation, so it is kept with the data, never
 * rotated in place.
 */
export function loginReservationStream(login: Login, loginKey: Uint8Array): string {
  if (loginKey.length < LOGIN_KEY_BYTES)
    throw new Error(`The login key must be ${LOGIN_KEY_BYTES} bytes or more`);
  const digest = createHmac('sha256', loginKey).update(`${login.kind}:${login.value}`).digest('hex');
  return `login-${digest.slice(0, 32)}`;
}

/** One stream per session, named like accounts' so that the session id is in no stream name. */
export function sessionStream(sessionId: string): string {
  return `session-${createHash('sha256').update(`session:${sessionId}`).digest('hex').slice(0, 32)}`;
}
