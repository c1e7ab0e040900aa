import { Role } from '../../domain/decider';
import { parseRole } from '../roles';

/** An external OpenID Connect issuer (a regency's single sign-on) whose access tokens the API also accepts. */
export interface OidcConfig {
  /** Exactly as the issuer writes `iss` (and `issuer` in its discovery document), trailing slash included. */
  readonly issuer: string;
  /** The `aud` this API's tokens carry at that issuer: never a web client's client id. */
  readonly audience: string;
  /** The claim holding the person's groups or roles; a dotted path reaches into objects (realm_access.roles). */
  readonly roleClaim: string;
  /** Claim value → role; a person with no mapped value is a citizen. */
  readonly roleMap: ReadonlyMap<string, Role>;
  /** The longest a discovery or key-set request may take before the token is answered with 503. */
  readonly timeoutMs: number;
  /** How soon an unknown key id may fetch the key set again (jose's default, 30 s, when unset; tests use 0). */
  readonly jwksCooldownMs?: number;
}

const DEFAULT_ROLE_CLAIM = 'groups';
const DEFAULT_TIMEOUT_MS = 3_000;
const MAX_TIMEOUT_MS = 60_000;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Printable ASCII without spaces: claim names are often URLs (https://example.id/roles). */
const CLAIM_NAME = /^[\x21-\x7e]{1,256}$/;
/** Roles an issuer may grant. Admins act through their own accounts here, where every role change is recorded. */
const MAPPABLE = 'citizen, facilitator, auditor or official:<agency-id>';

/** Reads SUARA_OIDC_*; undefined when no issuer is configured. A wrong or half-set value stops the start-up. */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const { SUARA_OIDC_ISSUER: issuer, SUARA_OIDC_AUDIENCE: audience } = env;
  if (!issuer) {
    const stray = Object.keys(env).find((name) => name.startsWith('SUARA_OIDC_') && env[name]);
    if (stray) throw new Error(`${stray} is set but SUARA_OIDC_ISSUER is not`);
    return undefined;
  }
  return {
    issuer: issuerUrl(issuer),
    audience: audienceOf(audience),
    roleClaim: roleClaimOf(env.SUARA_OIDC_ROLE_CLAIM),
    roleMap: roleMapOf(env.SUARA_OIDC_ROLE_MAP),
    timeoutMs: timeoutOf(env.SUARA_OIDC_TIMEOUT_MS),
  };
}

function issuerUrl(text: string): string {
  let url: URL;
  try {
    // The URL parser drops tabs and line breaks; `iss` must match the text itself.
    if (!/^[\x21-\x7e]+$/.test(text)) throw new Error('not a URL');
    url = new URL(text);
  } catch {
    throw new Error(`SUARA_OIDC_ISSUER must be the issuer's URL, got ${JSON.stringify(text)}`);
  }
  // Keys are fetched from it: plain http only to this machine.
  const local = url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !local)
    throw new Error('SUARA_OIDC_ISSUER must use https (plain http only for localhost)');
  if (url.search || url.hash || url.username || url.password || text.includes('?') || text.includes('#'))
    throw new Error(
      'SUARA_OIDC_ISSUER must have no query, fragment or credentials (OpenID Connect Discovery)',
    );
  return text;
}

function audienceOf(text: string | undefined): string {
  if (!text) throw new Error('SUARA_OIDC_AUDIENCE is required with SUARA_OIDC_ISSUER: the aud of this API');
  if (!CLAIM_NAME.test(text))
    throw new Error('SUARA_OIDC_AUDIENCE must be 1 to 256 visible ASCII characters without spaces');
  return text;
}

function roleClaimOf(text: string | undefined): string {
  if (text === undefined || text === '') return DEFAULT_ROLE_CLAIM;
  if (!CLAIM_NAME.test(text))
    throw new Error('SUARA_OIDC_ROLE_CLAIM must be a claim name: 1 to 256 visible ASCII characters');
  return text;
}

function roleMapOf(text: string | undefined): ReadonlyMap<string, Role> {
  if (text === undefined || text.trim() === '') return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('SUARA_OIDC_ROLE_MAP must be JSON, e.g. {"diskominfo-moderator":"facilitator"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('SUARA_OIDC_ROLE_MAP must be a JSON object of claim value → role');
  return new Map(
    Object.entries(parsed).map(([value, role]) => {
      if (value === '' || value.length > 256)
        throw new Error('SUARA_OIDC_ROLE_MAP: claim values must be 1 to 256 characters');
      const parsedRole = parseRole(role);
      if (!parsedRole || parsedRole === 'admin')
        throw new Error(
          `SUARA_OIDC_ROLE_MAP: ${JSON.stringify(value)} must map to ${MAPPABLE}, got ${JSON.stringify(role)}`,
        );
      return [value, parsedRole] as const;
    }),
  );
}

function timeoutOf(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_TIMEOUT_MS;
  const timeoutMs = Number(text);
  if (!/^[0-9]+$/.test(text) || timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)
    throw new Error(
      `SUARA_OIDC_TIMEOUT_MS must be a whole number from 1 to ${MAX_TIMEOUT_MS}, got ${JSON.stringify(text)}`,
    );
  return timeoutMs;
}
