import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSqlite } from '../sqlite';
import { DataKey, KeyStore, SubjectErasedError } from './key-store.port';

/** Data keys in their own SQLite file, apart from the events, so backups of the log never carry them. */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = openSqlite(file);
    // Deleted keys are overwritten on disk, not just unlinked from the b-tree.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS data_keys (id TEXT PRIMARY KEY, subject TEXT NOT NULL UNIQUE, key BLOB NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject TEXT PRIMARY KEY, erased_at TEXT NOT NULL);`);
    this.statements = {
      bySubject: this.db.prepare<[string], { id: string; key: Buffer }>(
        'SELECT id, key FROM data_keys WHERE subject = ?',
      ),
      insert: this.db.prepare(
        'INSERT OR IGNORE INTO data_keys (id, subject, key, created_at) VALUES (?, ?, ?, ?)',
      ),
      isErased: this.db.prepare<[string], { subject: string }>(
        'SELECT subject FROM erased_subjects WHERE subject = ?',
      ),
      erase: this.db.prepare('DELETE FROM data_keys WHERE subject = ?'),
      tombstone: this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject, erased_at) VALUES (?, ?)'),
    };
  }

  async keyFor(subject: string): Promise<DataKey> {
    const existing = this.statements.bySubject.get(subject);
    if (existing) return existing;
    if (this.statements.isErased.get(subject)) throw new SubjectErasedError(subject);
    this.statements.insert.run(randomUUID(), subject, randomBytes(32), new Date().toISOString());
    return this.statements.bySubject.get(subject)!;
  }

  async keysById(ids: readonly string[]): Promise<Map<string, Buffer>> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare<string[], { id: string; key: Buffer }>(
        `SELECT id, key FROM data_keys WHERE id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids);
    return new Map(rows.map((row) => [row.id, row.key]));
  }

  async erase(subject: string): Promise<boolean> {
    const erased = this.db.transaction(() => {
      this.statements.tombstone.run(subject, new Date().toISOString());
      return this.statements.erase.run(subject).changes > 0;
    })();
    // Moves the overwritten pages out of the write-ahead log too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return erased;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
