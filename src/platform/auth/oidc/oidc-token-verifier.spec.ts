import { Logger } from '@nestjs/common';
import { SignJWT, UnsecuredJWT } from 'jose';
import { IssuerUnavailableError } from './issuer-unavailable.error';
import { oidcConfigFromEnv } from './oidc.config';
import { oidcActorId } from './oidc-claims';
import { OidcTokenVerifier } from './oidc-token-verifier';
import { KeyServer } from './testing/key-server';
import { signingKey, SigningKey } from './testing/signing-key';

const AUDIENCE = 'suara-warga-api';
const nowS = () => Math.floor(Date.now() / 1000);

describe('the OpenID Connect token verifier, against a real key server', () => {
  let issuer: KeyServer;
  let key: SigningKey;
  let verifier: OidcTokenVerifier;
  let warnings: jest.SpyInstance;
  const claims = (extra: object = {}) => ({
    iss: issuer.issuer,
    aud: AUDIENCE,
    sub: 'ani@katingankab.go.id',
    iat: nowS(),
    exp: nowS() + 600,
    ...extra,
  });
  const verifierFor = (env: NodeJS.ProcessEnv = {}) =>
    new OidcTokenVerifier({
      ...oidcConfigFromEnv({
        SUARA_OIDC_ISSUER: issuer.issuer,
        SUARA_OIDC_AUDIENCE: AUDIENCE,
        SUARA_OIDC_ROLE_CLAIM: 'realm_access.roles',
        SUARA_OIDC_ROLE_MAP: '{"kim-fasilitator":"facilitator","inspektorat":"auditor"}',
        SUARA_OIDC_TIMEOUT_MS: '300',
        ...env,
      })!,
      jwksCooldownMs: 0,
    });

  beforeEach(async () => {
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    issuer = await KeyServer.start();
    key = await signingKey('k1');
    issuer.published = [key];
    verifier = verifierFor();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await issuer.close();
  });

  it('accepts a token signed with a published key: a hashed actor id and the mapped role', async () => {
    // One set of claims: a second reading of the clock may fall in the next second.
    const signed = claims({ realm_access: { roles: ['kim-fasilitator', 'pegawai'] } });
    const token = await issuer.sign(key, signed);
    expect(verifier.names(token)).toBe(true);
    expect(await verifier.verify(token)).toEqual({
      actor: { id: oidcActorId(issuer.issuer, 'ani@katingankab.go.id'), role: 'facilitator' },
      expiresAt: new Date(signed.exp * 1000),
    });
  });

  it.each(['RS256', 'EdDSA'] as const)('accepts %s', async (alg) => {
    const other = await signingKey(`k-${alg}`, alg);
    issuer.published = [key, other];
    expect((await verifier.verify(await issuer.sign(other, claims())))?.actor.role).toBe('citizen');
  });

  it('does not claim tokens of other issuers, nor what is no token', async () => {
    expect(verifier.names(await issuer.sign(key, claims({ iss: 'suara-warga' })))).toBe(false);
    expect(verifier.names('not-a-token')).toBe(false);
  });

  it.each([
    ['another audience', { aud: 'other-api' }],
    ['expired', { iat: nowS() - 3600, exp: nowS() - 60 }],
    ['living longer than a day', { iat: nowS(), exp: nowS() + 24 * 3600 + 1 }],
    ['issued in the future', { iat: nowS() + 3600, exp: nowS() + 7200 }],
    ['without iat', { iat: undefined }],
    ['without sub', { sub: undefined }],
    ['with an empty sub', { sub: '' }],
    ['with a sub that is no string', { sub: 42 }],
    ['sender-constrained (cnf)', { cnf: { jkt: 'x' } }],
    ['mapping to two roles', { realm_access: { roles: ['kim-fasilitator', 'inspektorat'] } }],
  ])('refuses a token %s', async (_, extra) => {
    expect(await verifier.verify(await issuer.sign(key, claims(extra)))).toBeUndefined();
  });

  it('says why it refused a person whose groups map to two roles', async () => {
    await verifier.verify(
      await issuer.sign(key, claims({ realm_access: { roles: ['kim-fasilitator', 'inspektorat'] } })),
    );
    expect(warnings).toHaveBeenCalledWith(expect.stringMatching(/map to auditor and facilitator/));
  });

  it('refuses forged signatures: unknown key, HS256 with the public key as secret, alg none', async () => {
    const stranger = await signingKey('k1');
    expect(await verifier.verify(await issuer.sign(stranger, claims()))).toBeUndefined();
    const unknownKid = await signingKey('k-unknown');
    expect(await verifier.verify(await issuer.sign(unknownKid, claims()))).toBeUndefined();
    const publicAsSecret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const hs256 = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(publicAsSecret);
    expect(await verifier.verify(hs256)).toBeUndefined();
    expect(await verifier.verify(new UnsecuredJWT(claims()).encode())).toBeUndefined();
  });

  it('answers IssuerUnavailable when the issuer hangs, fails or is gone, and recovers with it', async () => {
    const token = await issuer.sign(key, claims());
    for (const mode of ['hanging', 'failing'] as const) {
      issuer.mode = mode;
      await expect(verifierFor().verify(token)).rejects.toBeInstanceOf(IssuerUnavailableError);
    }
    // Logged once per outage, not once per token.
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(IssuerUnavailableError);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(IssuerUnavailableError);
    expect(warnings.mock.calls.filter(([line]) => /unavailable/.test(line))).toHaveLength(3);
    issuer.mode = 'serving';
    expect(await verifier.verify(token)).toBeDefined();
  });

  it('answers IssuerUnavailable when the key set fails after discovery', async () => {
    const token = await issuer.sign(key, claims());
    expect(await verifier.verify(token)).toBeDefined();
    // A key id it has not seen makes it fetch the set again.
    const rotated = await signingKey('k2');
    issuer.mode = 'hanging';
    await expect(verifier.verify(await issuer.sign(rotated, claims()))).rejects.toBeInstanceOf(
      IssuerUnavailableError,
    );
    // Keys it already holds keep working while the issuer is down; expired tokens are refused without asking.
    expect(await verifier.verify(token)).toBeDefined();
    expect(await verifier.verify(await issuer.sign(rotated, claims({ exp: nowS() - 1 })))).toBeUndefined();
  });

  it.each([
    ['names another issuer', { issuer: 'https://evil.example' }],
    ['has no jwks_uri', { jwks_uri: undefined }],
    ['points jwks_uri over plain http elsewhere', { jwks_uri: 'http://keys.example/jwks' }],
    ['points jwks_uri at no URL', { jwks_uri: 'keys' }],
  ])('answers IssuerUnavailable when the discovery document %s', async (_, discovery) => {
    issuer.discovery = discovery;
    await expect(verifier.verify(await issuer.sign(key, claims()))).rejects.toThrow(
      'The sign-in issuer cannot be reached',
    );
  });

  it('answers IssuerUnavailable when nothing listens at the issuer', async () => {
    const token = await issuer.sign(key, claims());
    await issuer.close();
    await expect(verifier.verify(token)).rejects.toMatchObject({ data: { code: 'issuer_unavailable' } });
    issuer = await KeyServer.start();
  });
});
