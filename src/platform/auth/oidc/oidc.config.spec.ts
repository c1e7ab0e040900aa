import { oidcConfigFromEnv } from './oidc.config';

const ISSUER = 'https://sso.katingankab.go.id/realms/pemkab';
const base = { SUARA_OIDC_ISSUER: ISSUER, SUARA_OIDC_AUDIENCE: 'suara-warga-api' };

describe('the OpenID Connect issuer from the environment', () => {
  it('is off when no issuer is set', () => {
    expect(oidcConfigFromEnv({})).toBeUndefined();
    expect(oidcConfigFromEnv({ SUARA_OIDC_ISSUER: '' })).toBeUndefined();
  });

  it('takes the issuer as written, with groups as the role claim, no map and a 3 s timeout by default', () => {
    expect(oidcConfigFromEnv(base)).toEqual({
      issuer: ISSUER,
      audience: 'suara-warga-api',
      roleClaim: 'groups',
      roleMap: new Map(),
      timeoutMs: 3000,
    });
    // A trailing slash is part of the issuer: `iss` must match it exactly.
    expect(oidcConfigFromEnv({ ...base, SUARA_OIDC_ISSUER: 'https://x.example/' })?.issuer).toBe(
      'https://x.example/',
    );
  });

  it('reads the role claim, the role map and the timeout', () => {
    const config = oidcConfigFromEnv({
      ...base,
      SUARA_OIDC_ROLE_CLAIM: 'realm_access.roles',
      SUARA_OIDC_ROLE_MAP: JSON.stringify({
        'diskominfo-moderator': 'facilitator',
        'dinas-pupr': 'official:dinas-pupr',
        inspektorat: 'auditor',
        warga: 'citizen',
      }),
      SUARA_OIDC_TIMEOUT_MS: '1500',
    });
    expect(config).toMatchObject({ roleClaim: 'realm_access.roles', timeoutMs: 1500 });
    expect([...config!.roleMap]).toEqual([
      ['diskominfo-moderator', 'facilitator'],
      ['dinas-pupr', 'official:dinas-pupr'],
      ['inspektorat', 'auditor'],
      ['warga', 'citizen'],
    ]);
  });

  it.each(['http://localhost:8080/realms/dev', 'http://127.0.0.1:4000', 'http://[::1]:4000/'])(
    'accepts plain http for a local issuer: %s',
    (issuer) => {
      expect(oidcConfigFromEnv({ ...base, SUARA_OIDC_ISSUER: issuer })?.issuer).toBe(issuer);
    },
  );

  it.each([
    [
      'SUARA_OIDC_AUDIENCE without an issuer',
      { SUARA_OIDC_AUDIENCE: 'api' },
      /SUARA_OIDC_AUDIENCE is set but/,
    ],
    ['a role map without an issuer', { SUARA_OIDC_ROLE_MAP: '{}' }, /SUARA_OIDC_ROLE_MAP is set but/],
    ['no audience', { SUARA_OIDC_ISSUER: ISSUER }, /SUARA_OIDC_AUDIENCE is required/],
    ['an audience with a space', { ...base, SUARA_OIDC_AUDIENCE: 'suara api' }, /SUARA_OIDC_AUDIENCE must/],
    ['an issuer that is no URL', { ...base, SUARA_OIDC_ISSUER: 'pemkab-sso' }, /SUARA_OIDC_ISSUER must be/],
    ['plain http to another host', { ...base, SUARA_OIDC_ISSUER: 'http://sso.example' }, /must use https/],
    ['another scheme', { ...base, SUARA_OIDC_ISSUER: 'ftp://sso.example' }, /must use https/],
    ['a query', { ...base, SUARA_OIDC_ISSUER: `${ISSUER}?tenant=1` }, /no query, fragment/],
    ['an empty query', { ...base, SUARA_OIDC_ISSUER: `${ISSUER}?` }, /no query, fragment/],
    ['a fragment', { ...base, SUARA_OIDC_ISSUER: `${ISSUER}#x` }, /no query, fragment/],
    ['credentials', { ...base, SUARA_OIDC_ISSUER: 'https://a:b@sso.example' }, /no query, fragment/],
    ['a line break', { ...base, SUARA_OIDC_ISSUER: 'https://sso.exa\nmple' }, /SUARA_OIDC_ISSUER must be/],
    ['a role claim with a space', { ...base, SUARA_OIDC_ROLE_CLAIM: 'my groups' }, /SUARA_OIDC_ROLE_CLAIM/],
    ['a role map that is not JSON', { ...base, SUARA_OIDC_ROLE_MAP: "{'a':'b'}" }, /must be JSON/],
    ['a role map that is a list', { ...base, SUARA_OIDC_ROLE_MAP: '["facilitator"]' }, /JSON object/],
    ['a role map that is null', { ...base, SUARA_OIDC_ROLE_MAP: 'null' }, /JSON object/],
    ['an unknown role', { ...base, SUARA_OIDC_ROLE_MAP: '{"g":"moderator"}' }, /"g" must map to/],
    ['a role that is not text', { ...base, SUARA_OIDC_ROLE_MAP: '{"g":["auditor"]}' }, /"g" must map to/],
    ['an official without agency', { ...base, SUARA_OIDC_ROLE_MAP: '{"g":"official:"}' }, /must map to/],
    ['admin', { ...base, SUARA_OIDC_ROLE_MAP: '{"sso-admins":"admin"}' }, /"sso-admins" must map to/],
    ['system', { ...base, SUARA_OIDC_ROLE_MAP: '{"robots":"system"}' }, /"robots" must map to/],
    ['an empty claim value', { ...base, SUARA_OIDC_ROLE_MAP: '{"":"auditor"}' }, /1 to 256 characters/],
    ['a timeout of zero', { ...base, SUARA_OIDC_TIMEOUT_MS: '0' }, /SUARA_OIDC_TIMEOUT_MS/],
    ['a fractional timeout', { ...base, SUARA_OIDC_TIMEOUT_MS: '1.5' }, /SUARA_OIDC_TIMEOUT_MS/],
    ['a timeout over a minute', { ...base, SUARA_OIDC_TIMEOUT_MS: '60001' }, /SUARA_OIDC_TIMEOUT_MS/],
    ['a timeout in words', { ...base, SUARA_OIDC_TIMEOUT_MS: '3s' }, /SUARA_OIDC_TIMEOUT_MS/],
  ])('refuses %s in one line', (_, env, message) => {
    let refusal: Error | undefined;
    try {
      oidcConfigFromEnv(env);
    } catch (error) {
      refusal = error as Error;
    }
    expect(refusal?.message).toMatch(message);
    expect(refusal?.message).not.toContain('\n');
  });
});
