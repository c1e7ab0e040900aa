import { AccountRecords } from '../../src/accounts/account-records';
import { phoneLogin } from '../../src/accounts/domain/login';
import { createFirstAdmin } from '../../src/accounts/first-admin';
import { PASSWORD_HASHER } from '../../src/platform/passwords/password-hasher.port';
import { ApiClient } from './api-client';
import { TestApp } from './test-app';

export interface SignedIn {
  readonly accountId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

/** A token's claims, as any client can read them (the signature is the server's business). */
export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());

/** Signs in through the API, as a person does. */
export async function signIn(api: ApiClient, login: string, password: string): Promise<SignedIn> {
  const session = await api.send('POST', '/api/sessions', { body: { login, password } });
  if (session.status !== 201) throw new Error(`Sign-in failed: ${JSON.stringify(session.body)}`);
  const { accessToken, refreshToken } = session.body;
  return { accountId: claimsOf(accessToken).sub as string, accessToken, refreshToken };
}

/**
 * The first admin, made as `npm run admin:create` makes it (test/admin-create.e2e.ts runs the command itself),
 * but in process on the running app's stores, then signed in over HTTP.
 */
export async function firstAdmin(
  running: TestApp,
  api: ApiClient,
  phone = '0811-5000-0001',
): Promise<SignedIn> {
  const password = 'balai desa di tepi sungai';
  const records = running.app.get(AccountRecords);
  const hasher = running.app.get(PASSWORD_HASHER);
  await createFirstAdmin(records, hasher, {
    login: phoneLogin(phone),
    entered: phone,
    displayName: 'Admin Diskominfo',
    password,
  });
  return signIn(api, phone, password);
}
