import { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { ApiClient } from '../../support/api-client';
import { codesSentTo } from '../../support/outbox';
import { signedInContext as contextWithRefreshToken } from './staff-people';

export interface Citizen {
  readonly email: string;
  readonly password: string;
}

/** Registers and confirms an account over the API, as the register and confirm pages would. */
export async function registerCitizen(api: ApiClient, dataDir: string, citizen: Citizen): Promise<void> {
  const registered = await api.send('POST', '/api/accounts', {
    body: { email: citizen.email, displayName: 'Siti', password: citizen.password },
  });
  if (registered.status !== 202) throw new Error(`Not registered: ${JSON.stringify(registered.body)}`);
  const [code] = codesSentTo(dataDir, citizen.email);
  const confirmed = await api.send('POST', '/api/accounts/confirmations', {
    body: { login: citizen.email, code },
  });
  if (confirmed.status !== 200) throw new Error(`Not confirmed: ${JSON.stringify(confirmed.body)}`);
}

/** A new session over the API: its tokens and the account id (the access token's subject). */
export async function signInOverApi(api: ApiClient, citizen: Citizen) {
  const session = await api.send('POST', '/api/sessions', {
    body: { login: citizen.email, password: citizen.password },
  });
  if (session.status !== 201) throw new Error(`Not signed in: ${JSON.stringify(session.body)}`);
  const { accessToken, refreshToken } = session.body as { accessToken: string; refreshToken: string };
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8'));
  return { accessToken, refreshToken, actorId: claims.sub as string };
}

/** A phone whose app starts signed in, as after an earlier visit (its own session: refresh tokens rotate). */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  api: ApiClient,
  citizen: Citizen,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const { refreshToken } = await signInOverApi(api, citizen);
  return contextWithRefreshToken(browser, baseUrl, refreshToken, options);
}

/** Waits until the service worker has cached the shell and controls the page, so it can open offline. */
export async function shellCached(page: Page): Promise<void> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  // A function, not a string: the app's CSP refuses eval, which a polled string expression needs.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator
        .serviceWorker.controller !== null,
  );
}
