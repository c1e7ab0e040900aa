import fc from 'fast-check';
import { JWTPayload } from 'jose';
import { LiveClient } from '../src/live/testing/live-client';
import { signingKey, SigningKey, signWith } from '../src/platform/auth/oidc/testing/signing-key';
import { ApiClient } from './support/api-client';
import { hostileString } from './support/hostile-values';
import { appConfigWith, issuerClaims, PEOPLE, ROLE_MAP } from './support/oidc-app';
import { AUDIENCE, OidcIssuer } from './support/oidc-issuer';
import { startTestApp, TestApp } from './support/test-app';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'undefined').toString('base64url');

/** Accepted iff sub is non-empty text and the groups map to at most one role (the rule, stated independently). */
function accepted(claims: { sub?: unknown; groups?: unknown }): boolean {
  const values = typeof claims.groups === 'string' ? [claims.groups] : claims.groups;
  const roles = new Set(
    (Array.isArray(values) ? values : []).flatMap((value) =>
      typeof value === 'string' && Object.hasOwn(ROLE_MAP, value)
        ? [ROLE_MAP[value as keyof typeof ROLE_MAP]]
        : [],
    ),
  );
  return typeof claims.sub === 'string' && claims.sub !== '' && roles.size <= 1;
}

describe('hostile tokens naming the OpenID Connect issuer (e2e)', () => {
  let key: SigningKey;
  let issuer: OidcIssuer;
  let running: TestApp;
  let api: ApiClient;
  const statusOf = async (token: string) =>
    (await api.send('GET', '/api/me/aspirations', { headers: { authorization: `Bearer ${token}` } })).status;

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

  it('refuses malformed tokens with 401, on HTTP and /live, whatever their parts hold', async () => {
    const part = fc.oneof(
      fc.jsonValue().map(base64url),
      fc
        .record({ alg: fc.constantFrom('ES256', 'RS256', 'EdDSA', 'HS256', 'none', 'ES256K') })
        .map(base64url),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,200}$/),
    );
    const payload = fc
      .record(
        { aud: fc.oneof(fc.constant(AUDIENCE), fc.jsonValue()), exp: fc.oneof(fc.integer(), fc.jsonValue()) },
        { requiredKeys: [] },
      )
      .map((claims) => base64url({ iss: issuer.url, ...claims }));
    const token = fc.oneof(
      fc.tuple(part, payload, part).map((parts) => parts.join('.')),
      fc.array(part, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')),
      fc.stringMatching(/^[\x21-\x7e]{1,500}$/),
    );
    await fc.assert(
      fc.asyncProperty(token, async (text) => {
        expect(await statusOf(text)).toBe(401);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(token, async (text) => {
        await expect(LiveClient.connect(running.url, { token: text })).rejects.toMatchObject({
          data: { code: 'invalid_token' },
        });
      }),
      { numRuns: 25 },
    );
  });

  it('signed with the issuer’s real key, accepts exactly the sound subjects and role claims', async () => {
    // Short enough that the header stays under Node's 16 KiB (beyond it: 431, before any token is read).
    const text = hostileString.filter((value) => value.length < 2_000);
    const group = fc.oneof(fc.constantFrom(...Object.keys(ROLE_MAP), 'pegawai'), text, fc.jsonValue());
    const claims = fc.record(
      {
        sub: fc.oneof(text, fc.jsonValue()),
        groups: fc.oneof(group, fc.array(group, { maxLength: 6 })),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(claims, async (extra) => {
        const claims = { ...issuerClaims(issuer), sub: undefined, groups: undefined, ...extra };
        const token = await signWith(key, claims as JWTPayload);
        expect(await statusOf(token)).toBe(accepted(extra) ? 200 : 401);
      }),
      { numRuns: 150 },
    );
  });
});
