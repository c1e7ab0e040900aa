import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from './sqlite-key-store';
import { keyStoreContract } from './testing/key-store.contract';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'suara-keys-')), 'keys.sqlite');

keyStoreContract('SQLite', async () => new SqliteKeyStore(freshFile()));

describe('SQLite key store erasure', () => {
  it('reads as empty when new, so a lost key store file can be told from a real one', async () => {
    const keys = new SqliteKeyStore(freshFile());
    expect(await keys.isEmpty()).toBe(true);
    await keys.erase('citizen-never-keyed');
    expect(await keys.isEmpty()).toBe(false);
    await keys.close();
  });

  it('leaves no copy of an erased key in the database file', async () => {
    const file = freshFile();
    const keys = new SqliteKeyStore(file);
    const key = await keys.keyFor('citizen-1');
    await keys.erase('citizen-1');
    await keys.close();
    expect(readFileSync(file).includes(key.key)).toBe(false);
  });
});
