import { AppConfig } from '../../src/app-config';
import { oidcConfigFromEnv } from '../../src/platform/auth/oidc/oidc.config';
import { AUDIENCE, OidcIssuer } from './oidc-issuer';
import { freshDataDir } from './test-app';
import { testConfig } from './test-config';

/** The people of the regency's single sign-on, by sub, with their groups there. */
export const PEOPLE = {
  ani: { groups: ['diskominfo-moderator', 'pegawai'] },
  budi: { groups: ['dinas-pupr'] },
  citra: { groups: ['pegawai'] },
  dewi: { groups: ['diskominfo-moderator', 'dinas-pupr'] },
};

export const ROLE_MAP = { 'diskominfo-moderator': 'facilitator', 'dinas-pupr': 'official:dinas-pupr' };

/**
 * An embedded app that also accepts the issuer's tokens, configured through the same SUARA_OIDC_* parsing as
 * production; a key id it has not seen fetches the key set at once (cooldown 0, where production waits 30 s).
 */
export function appConfigWith(issuer: OidcIssuer | string, env: NodeJS.ProcessEnv = {}): AppConfig {
  const oidc = oidcConfigFromEnv({
    SUARA_OIDC_ISSUER: typeof issuer === 'string' ? issuer : issuer.url,
    SUARA_OIDC_AUDIENCE: AUDIENCE,
    SUARA_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    ...env,
  });
  return { ...testConfig(freshDataDir()), oidc: { ...oidc!, jwksCooldownMs: 0 } };
}

/** Claims as the issuer writes them for `ani`, for tokens the test signs itself. */
export function issuerClaims(issuer: OidcIssuer | string, extra: object = {}): Record<string, unknown> {
  const nowS = Math.floor(Date.now() / 1000);
  const iss = typeof issuer === 'string' ? issuer : issuer.url;
  return { iss, aud: AUDIENCE, sub: 'ani', iat: nowS, exp: nowS + 600, ...PEOPLE.ani, ...extra };
}
