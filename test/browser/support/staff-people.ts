import { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { claimsOf, SignedIn, signIn } from '../../support/accounts';
import { ApiClient } from '../../support/api-client';
import { codesSentTo } from '../../support/outbox';
import { waitFor } from '../../support/wait-for';
import { phoneContext } from './page-checks';

/** A person the staff journey invites: the login they type and the one the outbox addresses. */
export interface Invitee {
  readonly phone: string;
  readonly e164: string;
  readonly name: string;
  readonly password: string;
}

/** The last code the development outbox holds for an address, once it is there. */
export async function latestCode(dataDir: string, address: string): Promise<string> {
  await waitFor(() => codesSentTo(dataDir, address).length > 0, `a code for ${address} in the outbox`);
  return codesSentTo(dataDir, address).at(-1)!;
}

/** A citizen registered and confirmed over the API, then signed in. */
export async function registeredCitizen(
  api: ApiClient,
  dataDir: string,
  email: string,
  displayName: string,
): Promise<SignedIn> {
  const password = 'sawah hijau di pinggir desa';
  await api.send('POST', '/api/accounts', { body: { email, displayName, password } });
  const code = await latestCode(dataDir, email);
  await api.send('POST', '/api/accounts/confirmations', { body: { login: email, code } });
  const session = await signIn(api, email, password);
  expect(claimsOf(session.accessToken).role).toBe('citizen');
  return session;
}

/**
 * A phone-sized browser context that starts signed in with this refresh token, as after an earlier visit. The
 * token goes only into a fresh tab: the app rotates it, and putting back a spent one would end the session.
 */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  refreshToken: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await phoneContext(browser, baseURL, options);
  const token = JSON.stringify(refreshToken);
  await context.addInitScript(
    `if (!localStorage.getItem('suara.refreshToken')) localStorage.setItem('suara.refreshToken', ${token})`,
  );
  return context;
}
