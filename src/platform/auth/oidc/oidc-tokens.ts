import { Actor } from '../../domain/decider';
import { Tokens, VerifiedToken } from '../tokens.port';
import { OidcConfig } from './oidc.config';
import { OidcTokenVerifier } from './oidc-token-verifier';

/**
 * Our own tokens first; a token that names the configured OpenID Connect issuer is then checked against that
 * issuer's keys. Issuing stays ours. An issuer outage only touches its own tokens (IssuerUnavailableError: 503).
 */
export class TokensWithOidc implements Tokens {
  constructor(
    private readonly own: Tokens,
    private readonly external: OidcTokenVerifier,
  ) {}

  issue(actor: Actor): Promise<string> {
    return this.own.issue(actor);
  }

  async verify(token: string): Promise<Actor | undefined> {
    return (await this.verifyWithExpiry(token))?.actor;
  }

  async verifyWithExpiry(token: string): Promise<VerifiedToken | undefined> {
    const own = await this.own.verifyWithExpiry(token);
    if (own || !this.external.names(token)) return own;
    return this.external.verify(token);
  }
}

/** Our tokens alone, or with the issuer's when one is configured. */
export function withOidc(own: Tokens, config: OidcConfig | undefined): Tokens {
  return config ? new TokensWithOidc(own, new OidcTokenVerifier(config)) : own;
}
