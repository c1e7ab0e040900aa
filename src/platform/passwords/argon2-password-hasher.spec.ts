import fc from 'fast-check';
import { Argon2PasswordHasher, OWASP_ARGON2ID } from './argon2-password-hasher';
import { passwordHasherContract } from './testing/password-hasher.contract';

// Low cost so the specs stay fast on shared cores; production uses OWASP_ARGON2ID.
const TEST_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

passwordHasherContract('argon2id', () => new Argon2PasswordHasher(TEST_COST));

describe('argon2id password hasher', () => {
  const hasher = new Argon2PasswordHasher(TEST_COST);

  it('hashes with argon2id and the configured cost, in the PHC format', async () => {
    expect(await hasher.hash('kata sandi panjang')).toMatch(
      /^\$argon2id\$v=19\$m=1024,t=1,p=1\$[^$]+\$[^$]+$/,
    );
  });

  it('defaults to the OWASP parameters', () =>
    expect(OWASP_ARGON2ID).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 }));

  it('asks for a rehash when the stored cost is below today’s', async () => {
    const stored = await hasher.hash('kata sandi panjang');
    expect(hasher.needsRehash(stored)).toBe(false);
    expect(new Argon2PasswordHasher({ ...TEST_COST, memoryCost: 2048 }).needsRehash(stored)).toBe(true);
    expect(hasher.needsRehash('$2b$10$notargon')).toBe(true);
  });

  it('accepts the same password typed composed or decomposed', async () => {
    const stored = await hasher.hash('Kelurahan Café');
    expect(await hasher.verify(stored, 'Kelurahan Cafe\u0301')).toBe(true);
  });

  it('verifies any unicode password and refuses any other', () =>
    fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        async (password, other) => {
          const stored = await hasher.hash(password);
          expect(await hasher.verify(stored, password)).toBe(true);
          const same = other.normalize('NFC') === password.normalize('NFC');
          expect(await hasher.verify(stored, other)).toBe(same);
        },
      ),
      { numRuns: 20 },
    ));
});
