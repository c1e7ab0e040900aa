import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CachedKeyStore } from './cached-key-store';
import { SubjectErasedError } from './key-store.port';
import { SqliteKeyStore } from './sqlite-key-store';
import { keyStoreContract } from './testing/key-store.contract';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'suara-keys-')), 'keys.sqlite');

/** A real SQLite key store that counts the look-ups that reach it. */
class CountingKeyStore extends SqliteKeyStore {
  lookups = 0;
  override keyFor(subject: string) {
    this.lookups++;
    return super.keyFor(subject);
  }
  override keysById(ids: readonly string[]) {
    this.lookups++;
    return super.keysById(ids);
  }
}

keyStoreContract('cached SQLite', async () => new CachedKeyStore(new SqliteKeyStore(freshFile())));

describe('key cache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));

  it('serves a key it has seen without asking the store again until it expires', async () => {
    const store = new CountingKeyStore(freshFile());
    const keys = new CachedKeyStore(store, 10_000, now);
    const key = await keys.keyFor('citizen-1');
    expect(await keys.keyFor('citizen-1')).toEqual(key);
    expect((await keys.keysById([key.id])).get(key.id)).toEqual(key.key);
    expect(store.lookups).toBe(1);
    clock += 10_001;
    expect((await keys.keysById([key.id])).get(key.id)).toEqual(key.key);
    expect(store.lookups).toBe(2);
    await keys.close();
  });

  it('asks the store only for the ids it lacks, and never caches an unknown id', async () => {
    const store = new CountingKeyStore(freshFile());
    const keys = new CachedKeyStore(store, 10_000, now);
    const a = await keys.keyFor('citizen-a');
    const found = await keys.keysById([a.id, 'never-made']);
    expect([...found.keys()]).toEqual([a.id]);
    expect(store.lookups).toBe(2);
    await keys.keysById(['never-made']);
    expect(store.lookups).toBe(3);
    await keys.close();
  });

  it('forgets cached keys at once when it erases, and keeps tombstones for good', async () => {
    const keys = new CachedKeyStore(new SqliteKeyStore(freshFile()), 10_000, now);
    const key = await keys.keyFor('citizen-1');
    await keys.erase('citizen-1');
    expect((await keys.keysById([key.id])).get(key.id)).toBeNull();
    await expect(keys.keyFor('citizen-1')).rejects.toBeInstanceOf(SubjectErasedError);
    clock += 1_000_000;
    expect((await keys.keysById([key.id])).get(key.id)).toBeNull();
    await keys.close();
  });

  it('sees an erasure made through another instance once its entries expire', async () => {
    const file = freshFile();
    const here = new CachedKeyStore(new SqliteKeyStore(file), 10_000, now);
    const elsewhere = new CachedKeyStore(new SqliteKeyStore(file), 10_000, now);
    const key = await here.keyFor('citizen-1');
    await elsewhere.erase('citizen-1');
    expect((await here.keysById([key.id])).get(key.id)).toEqual(key.key);
    clock += 10_001;
    expect((await here.keysById([key.id])).get(key.id)).toBeNull();
    await expect(here.keyFor('citizen-1')).rejects.toBeInstanceOf(SubjectErasedError);
    await Promise.all([here.close(), elsewhere.close()]);
  });
});
