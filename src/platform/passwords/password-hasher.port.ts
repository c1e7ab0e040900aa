export const PASSWORD_HASHER = Symbol('PasswordHasher');

/**
 * Turns a password into a self-describing hash (PHC string: algorithm, parameters, salt) and checks a
 * password against one. Only hashes are stored; the password never reaches an event.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash it cannot read; never throws on bad input. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's: rehash after a good sign-in. */
  needsRehash(hash: string): boolean;
}
