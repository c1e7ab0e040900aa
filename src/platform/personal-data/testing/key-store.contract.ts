import { randomUUID } from 'node:crypto';
import { KeyStore, SubjectErasedError } from '../key-store.port';

/** The key store contract: every adapter runs this same suite against a real backend. */
export function keyStoreContract(adapter: string, open: () => Promise<KeyStore>): void {
  describe(`key store contract: ${adapter}`, () => {
    let keys: KeyStore;
    beforeEach(async () => (keys = await open()));
    afterEach(() => keys.close());

    it('gives each subject one stable 256-bit key', async () => {
      const subject = randomUUID();
      const first = await keys.keyFor(subject);
      const again = await keys.keyFor(subject);
      const other = await keys.keyFor(randomUUID());
      expect(first.key).toHaveLength(32);
      expect(again).toEqual(first);
      expect(other.id).not.toBe(first.id);
      expect(other.key.equals(first.key)).toBe(false);
    });

    it('creates one key when the same new subject asks concurrently', async () => {
      const subject = randomUUID();
      const all = await Promise.all(Array.from({ length: 8 }, () => keys.keyFor(subject)));
      expect(new Set(all.map((k) => k.id)).size).toBe(1);
    });

    it('finds keys by id and forgets them once the subject is erased', async () => {
      const subject = randomUUID();
      const kept = await keys.keyFor(randomUUID());
      const doomed = await keys.keyFor(subject);
      expect([...(await keys.keysById([kept.id, doomed.id])).keys()].sort()).toEqual(
        [kept.id, doomed.id].sort(),
      );
      expect(await keys.erase(subject)).toBe(true);
      const after = await keys.keysById([kept.id, doomed.id]);
      expect(after.get(doomed.id)).toBeNull();
      expect(after.get(kept.id)?.equals(kept.key)).toBe(true);
      expect(await keys.erase(subject)).toBe(false);
    });

    it('tells an erased key (tombstone) from a missing one (never held)', async () => {
      const erasedSubject = randomUUID();
      const erased = await keys.keyFor(erasedSubject);
      await keys.erase(erasedSubject);
      const unknownId = randomUUID();
      const found = await keys.keysById([erased.id, unknownId]);
      expect(found.get(erased.id)).toBeNull();
      expect(found.has(unknownId)).toBe(false);
    });

    it('is not empty once it has held a key', async () => {
      await keys.keyFor(randomUUID());
      expect(await keys.isEmpty()).toBe(false);
    });

    it('refuses a new key for an erased subject', async () => {
      const subject = randomUUID();
      await keys.keyFor(subject);
      await keys.erase(subject);
      await expect(keys.keyFor(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    });
  });
}
