import { PasswordHasher } from '../password-hasher.port';

/** The password hasher contract: every adapter runs this same suite. */
export function passwordHasherContract(adapter: string, create: () => PasswordHasher): void {
  describe(`password hasher contract: ${adapter}`, () => {
    const hasher = create();

    it('verifies the password it hashed and refuses another', async () => {
      const stored = await hasher.hash('sungai katingan 2026');
      expect(await hasher.verify(stored, 'sungai katingan 2026')).toBe(true);
      expect(await hasher.verify(stored, 'sungai katingan 2025')).toBe(false);
    });

    it('salts every hash, so equal passwords do not show', async () => {
      const [first, second] = await Promise.all([hasher.hash('sama saja'), hasher.hash('sama saja')]);
      expect(first).not.toBe(second);
      expect(first).not.toContain('sama saja');
    });

    it('answers false, not an error, for a hash it cannot read', async () => {
      expect(await hasher.verify('', 'apa saja')).toBe(false);
      expect(await hasher.verify('$argon2id$v=19$rusak', 'apa saja')).toBe(false);
      expect(await hasher.verify('plaintext-password', 'plaintext-password')).toBe(false);
    });
  });
}
