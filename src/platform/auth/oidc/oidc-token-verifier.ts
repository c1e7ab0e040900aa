import { Logger } from '@nestjs/common';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  JWTPayload,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { hasSoundTimes } from '../token-claims';
import { VerifiedToken } from '../tokens.port';
import { discoverJwksUri } from './issuer-discovery';
import { IssuerUnavailableError } from './issuer-unavailable.error';
import { OidcConfig } from './oidc.config';
import { claimValues, oidcActorId, roleOf } from './oidc-claims';

/** Asymmetric only: an HS* token would be checked with a key anyone can download, `none` with no key at all. */
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/**
 * Access tokens of the configured OpenID Connect issuer, checked against the keys it publishes (found through its
 * discovery document, fetched lazily so an issuer outage never stops the start-up). Issuer, audience, algorithm
 * and the lifetime rules of our own tokens apply; the role comes from the configured claim and map.
 */
export class OidcTokenVerifier {
  private readonly logger = new Logger('OidcTokens');
  private keySet?: Promise<JWTVerifyGetKey>;
  private reachable = true;

  constructor(private readonly config: OidcConfig) {}

  /** Whether the token says it comes from this issuer: unverified, it only chooses who checks it. */
  names(token: string): boolean {
    try {
      return decodeJwt(token).iss === this.config.issuer;
    } catch {
      return false;
    }
  }

  /** The token's actor, undefined when it is not valid; throws IssuerUnavailableError when that cannot be told. */
  async verify(token: string): Promise<VerifiedToken | undefined> {
    const nowS = Date.now() / 1000;
    if (!this.worthAsking(token, nowS)) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'iat', 'exp'],
      }));
    } catch (error) {
      if (isOutage(error)) throw this.unavailable(error);
      this.answered();
      return undefined;
    }
    this.answered();
    return this.verified(payload, nowS);
  }

  /** A token that would fail anyway never makes us call the issuer, nor turns into a 503 while it is down. */
  private worthAsking(token: string, nowS: number): boolean {
    try {
      const { alg } = decodeProtectedHeader(token);
      const claims = decodeJwt(token);
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      const unexpired = typeof claims.exp === 'number' && claims.exp > nowS;
      return ALGORITHMS.includes(alg ?? '') && audiences.includes(this.config.audience) && unexpired;
    } catch {
      return false;
    }
  }

  private verified(payload: JWTPayload, nowS: number): VerifiedToken | undefined {
    // A sender-constrained token (DPoP, mTLS) is only valid with a proof this API does not check.
    if (payload.cnf !== undefined || !hasSoundTimes(payload, nowS)) return undefined;
    if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
    const id = oidcActorId(this.config.issuer, payload.sub);
    const mapped = roleOf(claimValues(payload, this.config.roleClaim), this.config.roleMap);
    if ('conflicting' in mapped) {
      this.logger.warn(
        `Refused ${id}: its ${this.config.roleClaim} map to ${mapped.conflicting.join(' and ')}; one person has one role`,
      );
      return undefined;
    }
    return { actor: { id, role: mapped.role }, expiresAt: new Date((payload.exp as number) * 1000) };
  }

  private readonly keys: JWTVerifyGetKey = async (header, token) => (await this.remoteKeys())(header, token);

  private remoteKeys(): Promise<JWTVerifyGetKey> {
    const { issuer, timeoutMs, jwksCooldownMs } = this.config;
    this.keySet ??= discoverJwksUri(issuer, timeoutMs).then(
      (jwksUri) =>
        createRemoteJWKSet(jwksUri, {
          timeoutDuration: timeoutMs,
          ...(jwksCooldownMs !== undefined && { cooldownDuration: jwksCooldownMs }),
        }),
      (error: unknown) => {
        // Discovered again by the next token, once the issuer is back.
        this.keySet = undefined;
        throw new IssuerUnavailableError(error);
      },
    );
    return this.keySet;
  }

  private unavailable(error: unknown): IssuerUnavailableError {
    const failure = error instanceof IssuerUnavailableError ? error : new IssuerUnavailableError(error);
    if (this.reachable)
      this.logger.warn(`OpenID Connect issuer ${this.config.issuer} unavailable: ${reason(failure.cause)}`);
    this.reachable = false;
    return failure;
  }

  private answered(): void {
    if (!this.reachable) this.logger.log(`OpenID Connect issuer ${this.config.issuer} answers again`);
    this.reachable = true;
  }
}

/** The issuer's fault, not the token's: jose's key-set timeout and malformed set, its generic error (not 200 OK,
 * not JSON), and anything not from jose (fetch's network failures). */
function isOutage(error: unknown): boolean {
  if (error instanceof IssuerUnavailableError) return true;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  if (error instanceof errors.JOSEError) return error.code === 'ERR_JOSE_GENERIC';
  return true;
}

function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
