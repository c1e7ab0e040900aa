import { hash, parseOptions, verify } from '@node-rs/argon2';
import { PasswordHasher } from './password-hasher.port';

/** Argon2id cost: memory in KiB, passes, lanes. */
export interface Argon2Cost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/**
 * OWASP's Password Storage Cheat Sheet, first Argon2id option: 19 MiB, 2 passes, 1 lane. About 30–50 ms
 * per hash on one core, cheap enough for a sign-in, and it keeps a stolen database expensive to crack.
 */
export const OWASP_ARGON2ID: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Argon2id on @node-rs/argon2 (its default algorithm), hashing on libuv's thread pool, not the event loop. */
export class Argon2PasswordHasher implements PasswordHasher {
  constructor(private readonly cost: Argon2Cost = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    // NFC first: the same password typed on two keyboards may arrive composed or decomposed.
    return hash(password.normalize('NFC'), { ...this.cost });
  }

  async verify(stored: string, password: string): Promise<boolean> {
    if (!stored.startsWith('$argon2id$')) return false;
    try {
      return await verify(stored, password.normalize('NFC'));
    } catch {
      return false;
    }
  }

  needsRehash(stored: string): boolean {
    if (!stored.startsWith('$argon2id$')) return true;
    try {
      const used = parseOptions(stored);
      return (
        used.memoryCost < this.cost.memoryCost ||
        used.timeCost < this.cost.timeCost ||
        used.parallelism !== this.cost.parallelism
      );
    } catch {
      return true;
    }
  }
}
