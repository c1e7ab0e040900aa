import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { openSqlite } from '../sqlite';
import { DataKey, KeyStore, SubjectErasedError } from './key-store.port';
import { subjectDigest } from './subject-digest';

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
      CREATE TABLE IF NOT EXISTS erased_subjects (subject TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subject_digests (digest TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_keys (id TEXT PRIMARY KEY, erased_at TEXT NOT NULL);`);
    this.digestOlderTombstones();
    this.statements = {
      bySubject: this.db.prepare<[string], { id: string; key: Buffer }>(
        'SELECT id, key FROM data_keys WHERE subject = ?',
      ),
      insert: this.db.prepare(
        'INSERT OR IGNORE INTO data_keys (id, subject, key, created_at) VALUES (?, ?, ?, ?)',
      ),
      isErased: this.db.prepare<[string], { digest: string }>(
        'SELECT digest FROM erased_subject_digests WHERE digest = ?',
      ),
      erase: this.db.prepare('DELETE FROM data_keys WHERE subject = ?'),
      keyTombstones: this.db.prepare(
        'INSERT OR IGNORE INTO erased_keys (id, erased_at) SELECT id, ? FROM data_keys WHERE subject = ?',
      ),
      anything: this.db.prepare<[], { found: number }>(
        'SELECT EXISTS (SELECT 1 FROM data_keys) OR EXISTS (SELECT 1 FROM erased_keys) OR EXISTS (SELECT 1 FROM erased_subject_digests) AS found',
      ),
      tombstone: this.db.prepare(
        'INSERT OR IGNORE INTO erased_subject_digests (digest, erased_at) VALUES (?, ?)',
      ),
    };
  }

  async keyFor(subject: string): Promise<DataKey> {
    const existing = this.statements.bySubject.get(subject);
    if (existing) return existing;
    if (this.statements.isErased.get(subjectDigest(subject))) throw new SubjectErasedError(subject);
    this.statements.insert.run(randomUUID(), subject, randomBytes(32), new Date().toISOString());
    return this.statements.bySubject.get(subject)!;
  }

  async keysById(ids: readonly string[]): Promise<Map<string, Buffer | null>> {
    if (ids.length === 0) return new Map();
    const list = ids.map(() => '?').join(',');
    const rows = this.db
      .prepare<string[], { id: string; key: Buffer | null }>(
        `SELECT id, key FROM data_keys WHERE id IN (${list})
         UNION ALL SELECT id, NULL AS key FROM erased_keys WHERE id IN (${list})`,
      )
      .all(...ids, ...ids);
    return new Map(rows.map((row) => [row.id, row.key]));
  }

  async isEmpty(): Promise<boolean> {
    return this.statements.anything.get()!.found === 0;
  }

  async erase(subject: string): Promise<boolean> {
    const erased = this.db.transaction(() => {
      const now = new Date().toISOString();
      this.statements.tombstone.run(subjectDigest(subject), now);
      this.statements.keyTombstones.run(now, subject);
      return this.statements.erase.run(subject).changes > 0;
    })();
    // Moves the overwritten pages out of the write-ahead log too.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return erased;
  }

  /** Tombstones written before they were digests named the subject in plain text: digested once, then zeroed. */
  private digestOlderTombstones(): void {
    const older = this.db
      .prepare<[], { subject: string; erased_at: string }>('SELECT subject, erased_at FROM erased_subjects')
      .all();
    if (older.length === 0) return;
    this.db.transaction(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO erased_subject_digests (digest, erased_at) VALUES (?, ?)',
      );
      for (const { subject, erased_at } of older) insert.run(subjectDigest(subject), erased_at);
      this.db.exec('DELETE FROM erased_subjects');
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
