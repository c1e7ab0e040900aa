import { createServer, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LiveClient } from '../src/live/testing/live-client';
import { signingKey, SigningKey, signWith } from '../src/platform/auth/oidc/testing/signing-key';
import { ApiClient } from './support/api-client';
import { appConfigWith, issuerClaims, PEOPLE } from './support/oidc-app';
import { OidcIssuer } from './support/oidc-issuer';
import { startTestApp, TestApp } from './support/test-app';

const ownTokenStillWorks = async (running: TestApp, api: ApiClient) => {
  const own = await api.tokenFor('warga-1', 'citizen');
  expect((await api.send('GET', '/api/me/aspirations', { token: own })).status).toBe(200);
  (await LiveClient.connect(running.url, { token: own })).close();
};

describe('an OpenID Connect issuer outage (e2e)', () => {
  let key: SigningKey;
  let issuer: OidcIssuer;
  let running: TestApp;
  let api: ApiClient;
  const get = async (token: string) => api.send('GET', '/api/me/aspirations', { token });

  beforeAll(async () => {
    key = await signingKey('k1');
    issuer = await OidcIssuer.start({ keys: [key], people: PEOPLE });
    const config = appConfigWith(issuer);
    running = await startTestApp(config.dataDir, undefined, config);
    api = new ApiClient(running.url);
  });
  afterAll(async () => {
    await running.close();
    await issuer.stop();
  });

  it('keeps our own tokens working and answers what it cannot check with 503, never 401', async () => {
    const fetchedKeys = await issuer.accessToken('budi');
    expect((await get(fetchedKeys)).status).toBe(200);
    await issuer.stop();

    await ownTokenStillWorks(running, api);
    // The keys it already holds keep their tokens working.
    expect((await get(fetchedKeys)).status).toBe(200);
    // A key id it has not seen needs the issuer: that cannot be told now.
    const unseen = await signWith(await signingKey('k2'), issuerClaims(issuer));
    const answer = await get(unseen);
    expect(answer).toMatchObject({ status: 503, body: { code: 'issuer_unavailable' } });
    expect(answer.headers.get('retry-after')).toBe('10');
    await expect(LiveClient.connect(running.url, { token: unseen })).rejects.toMatchObject({
      data: { code: 'issuer_unavailable' },
    });
    // What would fail anyway is refused without asking.
    const expired = await signWith(key, issuerClaims(issuer, { exp: Math.floor(Date.now() / 1000) - 1 }));
    expect((await get(expired)).status).toBe(401);

    await issuer.restart([key]);
    expect((await get(unseen)).status).toBe(401);
    expect((await get(await issuer.accessToken('budi'))).status).toBe(200);
  });
});

describe('an OpenID Connect issuer that never answers (e2e)', () => {
  const held: Socket[] = [];
  const silent = createServer((socket) => void held.push(socket));
  let running: TestApp;

  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    // The app starts without reaching the issuer: keys are fetched when a token first needs them.
    const config = appConfigWith(url, { SUARA_OIDC_TIMEOUT_MS: '300' });
    running = await startTestApp(config.dataDir, undefined, config);
  });
  afterAll(async () => {
    await running.close();
    held.forEach((socket) => socket.destroy());
    silent.close();
  });

  it('answers its tokens 503 once the timeout passes, while our own tokens work', async () => {
    const api = new ApiClient(running.url);
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const token = await signWith(await signingKey('k1'), issuerClaims(url));
    const answers = await Promise.all([1, 2, 3].map(() => api.send('GET', '/api/me/aspirations', { token })));
    expect(answers.map((answer) => answer.body.code)).toEqual(Array(3).fill('issuer_unavailable'));
    await ownTokenStillWorks(running, api);
  });
});
