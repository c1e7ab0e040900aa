import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubjectErasedError } from './key-store.port';
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

  const fileBytes = (file: string) =>
    Buffer.concat(['', '-wal'].filter((s) => existsSync(file + s)).map((s) => readFileSync(file + s)));

  it('keeps the erased subject’s id nowhere in the file, its tombstone a digest', async () => {
    const file = freshFile();
    const keys = new SqliteKeyStore(file);
    const subject = 'citizen-0b7e51c2-marker';
    await keys.keyFor(subject);
    await keys.keyFor('citizen-kept');
    await keys.erase(subject);
    await expect(keys.keyFor(subject)).rejects.toBeInstanceOf(SubjectErasedError);
    await keys.close();
    expect(fileBytes(file).includes(subject)).toBe(false);
    expect(fileBytes(file).includes('citizen-kept')).toBe(true);
  });

  it('digests the plain-text tombstones an older version wrote, and still refuses those subjects', async () => {
    const file = freshFile();
    await new SqliteKeyStore(file).close();
    const older = new Database(file);
    older
      .prepare("INSERT INTO erased_subjects (subject, erased_at) VALUES ('citizen-erased-long-ago', ?)")
      .run(new Date().toISOString());
    older.close();
    const keys = new SqliteKeyStore(file);
    await expect(keys.keyFor('citizen-erased-long-ago')).rejects.toBeInstanceOf(SubjectErasedError);
    await keys.close();
    expect(fileBytes(file).includes('citizen-erased-long-ago')).toBe(false);
  });
});
