import { Actor } from '../domain/decider';

export const TOKENS = Symbol('Tokens');
/** Issues the short-lived access tokens of signed-in sessions; the same secret, so TOKENS verifies them. */
export const ACCESS_TOKENS = Symbol('AccessTokens');
/** Fifteen minutes: a token that leaks stops working soon; the refresh token gets the next one. */
export const ACCESS_TOKEN_TTL_S = 15 * 60;

/** A valid token: who it names, and until when it may be used. */
export interface VerifiedToken {
  readonly actor: Actor;
  readonly expiresAt: Date;
}

/** Bearer tokens: the only source of who acts and in which role. */
export interface Tokens {
  issue(actor: Actor): Promise<string>;
  /** The token's actor, or undefined when it is invalid, expired or not ours; throws IssuerUnavailableError (503)
   * when it names an OpenID Connect issuer that cannot be asked. */
  verify(token: string): Promise<Actor | undefined>;
  /** As verify, with the expiry: a live connection ends when its token does. */
  verifyWithExpiry(token: string): Promise<VerifiedToken | undefined>;
}
