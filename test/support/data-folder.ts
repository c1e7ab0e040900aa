import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The embedded stores of a data folder, as an operator (or a broken disk) sees them: plain SQLite files. */
export type StoreFile = 'events.sqlite' | 'keys.sqlite' | 'read-models.sqlite';

/** A consistent copy of a live SQLite file (VACUUM INTO), as a backup tool would take it. */
export function backUp(dataDir: string, file: StoreFile): string {
  const copy = join(dataDir, `${file}.backup`);
  const db = new Database(join(dataDir, file));
  try {
    db.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
  } finally {
    db.close();
  }
  return copy;
}

/** Deletes a store file with its write-ahead log and shared memory, as a lost or wiped file. */
export function remove(dataDir: string, file: StoreFile): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `${file}${suffix}`), { force: true });
}

/** Puts a backup copy back in place of the store file (the app must be stopped). */
export function restore(dataDir: string, file: StoreFile, copy: string): void {
  remove(dataDir, file);
  renameSync(copy, join(dataDir, file));
}

/** Opens the events table directly, to change stored rows behind the platform's back. */
export function withEventsTable<T>(dataDir: string, use: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'events.sqlite'));
  try {
    return use(db);
  } finally {
    db.close();
  }
}
