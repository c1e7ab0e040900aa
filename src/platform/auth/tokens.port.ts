import { Actor } from '../domain/decider';

export const TOKENS = Symbol('Tokens');

/** Bearer tokens: the only source of who acts and in which role. */
export interface Tokens {
  issue(actor: Actor): Promise<string>;
  /** The token's actor, or undefined when it is invalid, expired or not ours. */
  verify(token: string): Promise<Actor | undefined>;
}
