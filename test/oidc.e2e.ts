import { SignJWT, UnsecuredJWT } from 'jose';
import { createPublicKey, JsonWebKey } from 'node:crypto';
import { oidcActorId } from '../src/platform/auth/oidc/oidc-claims';
import { signingKey, SigningKey, signWith } from '../src/platform/auth/oidc/testing/signing-key';
import { LiveClient } from '../src/live/testing/live-client';
import { ApiClient } from './support/api-client';
import { appConfigWith, issuerClaims, PEOPLE } from './support/oidc-app';
import { OidcIssuer, OTHER_API } from './support/oidc-issuer';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('sign-in through the regency’s OpenID Connect issuer (e2e)', () => {
  let key: SigningKey;
  let issuer: OidcIssuer;
  let running: TestApp;
  let api: ApiClient;
  const clients: LiveClient[] = [];
  const live = async (token: string) => {
    const client = await LiveClient.connect(running.url, { token });
    clients.push(client);
    return client;
  };
  const claims = (extra: object = {}) => issuerClaims(issuer, extra);
  const statusWith = async (token: string) =>
    (await api.send('GET', '/api/me/aspirations', { token })).status;

  beforeAll(async () => {
    key = await signingKey('k1');
    issuer = await OidcIssuer.start({ keys: [key], people: PEOPLE });
    const config = appConfigWith(issuer);
    running = await startTestApp(config.dataDir, undefined, config);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await running.close();
    await issuer.stop();
  });

  it('lets a Diskominfo moderator verify an aspiration as a facilitator, under an id of its own', async () => {
    const submitted = await actors(api).warga.post('/api/aspirations', roadComplaint());
    const token = await issuer.accessToken('ani');
    const verified = await api.send('POST', `/api/aspirations/${submitted.body.id}/verify`, {
      token,
      body: {},
    });
    expect(verified.status).toBe(200);
    const history = await actors(api).auditor.get(`/api/aspirations/${submitted.body.id}/history`);
    expect(history.body.events.at(-1)).toMatchObject({
      type: 'AspirationVerified',
      actor: { id: oidcActorId(issuer.url, 'ani'), role: 'facilitator' },
    });
  });

  it('lets an official of Dinas PUPR read the agency’s inbox and follow it live, and no other', async () => {
    const token = await issuer.accessToken('budi');
    expect((await api.send('GET', '/api/agencies/dinas-pupr/inbox', { token })).status).toBe(200);
    expect((await api.send('GET', '/api/agencies/dinas-perhubungan/inbox', { token })).status).toBe(403);
    const official = await live(token);
    expect(await official.subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });
    expect(await official.subscribe('agency:dinas-perhubungan')).toMatchObject({
      ok: false,
      error: { code: 'inbox_not_yours' },
    });
  });

  it('treats a person with no mapped group as a citizen', async () => {
    const token = await issuer.accessToken('citra');
    const submitted = await api.send('POST', '/api/aspirations', { token, body: roadComplaint() });
    expect(submitted.status).toBe(201);
    const mine = await api.send('GET', `/api/me/aspirations?minPosition=${submitted.body.position}`, {
      token,
    });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([submitted.body.id]);
    const verify = await api.send('POST', `/api/aspirations/${submitted.body.id}/verify`, {
      token,
      body: {},
    });
    expect(verify.status).toBe(403);
    expect(await (await live(token)).subscribe('agency:dinas-pupr')).toMatchObject({ ok: false });
    // Their account lives at the issuer: nothing here to sign out of or change the password of.
    const signOut = await api.send('DELETE', '/api/sessions', { token });
    const password = await api.send('POST', '/api/me/password', {
      token,
      body: { currentPassword: 'kata sandi lama', newPassword: 'kata sandi baru' },
    });
    expect([signOut.body.code, password.body.code]).toEqual(['account_not_found', 'account_not_found']);
  });

  it('refuses a person whose groups map to two roles', async () => {
    expect(await statusWith(await issuer.accessToken('dewi'))).toBe(401);
  });

  it('refuses a token the issuer made for another API, on HTTP and /live', async () => {
    const token = await issuer.accessToken('ani', OTHER_API);
    expect(await statusWith(token)).toBe(401);
    await expect(LiveClient.connect(running.url, { token })).rejects.toMatchObject({
      data: { code: 'invalid_token' },
    });
  });

  it('refuses tokens of another issuer, even for this API', async () => {
    const other = await OidcIssuer.start({ keys: [await signingKey('k1')], people: PEOPLE });
    try {
      expect(await statusWith(await other.accessToken('ani'))).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('refuses tokens the issuer never signed, or signed for too long', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    // The classic key-confusion attack: the published key, as JWK text or PEM, used as an HMAC secret.
    const publicPem = createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const hmacWith = (secret: string) =>
      new SignJWT(claims())
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .sign(new TextEncoder().encode(secret));
    const refused = {
      expired: await signWith(key, claims({ iat: nowS - 3600, exp: nowS - 1 })),
      'over a day': await signWith(key, claims({ exp: nowS + 25 * 3600 })),
      'from the future': await signWith(key, claims({ iat: nowS + 3600, exp: nowS + 7200 })),
      'unknown kid': await signWith(await signingKey('k-unknown'), claims()),
      'known kid, other key': await signWith(await signingKey('k1'), claims()),
      'HS256 with the public JWK': await hmacWith(JSON.stringify(key.publicJwk)),
      'HS256 with the public PEM': await hmacWith(publicPem),
      'alg none': new UnsecuredJWT(claims()).encode(),
      'our issuer name': await signWith(key, claims({ iss: 'suara-warga', aud: 'suara-warga-api' })),
    };
    for (const [what, token] of Object.entries(refused))
      expect({ what, status: await statusWith(token) }).toEqual({ what, status: 401 });
    // The same claims, properly signed, pass: each refusal above is for its one defect.
    expect(await statusWith(await signWith(key, claims()))).toBe(200);
  });

  it('picks up a rotated key at the issuer, and keeps accepting the old one while it is published', async () => {
    const before = await issuer.accessToken('budi');
    expect(await statusWith(before)).toBe(200);
    const rotated = await signingKey('k2');
    await issuer.restart([rotated, key]);
    const after = await issuer.accessToken('budi');
    expect(JSON.parse(Buffer.from(after.split('.')[0], 'base64url').toString()).kid).toBe('k2');
    expect(await statusWith(after)).toBe(200);
    expect(await statusWith(before)).toBe(200);
    expect(await (await live(after)).subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });
  });
});
