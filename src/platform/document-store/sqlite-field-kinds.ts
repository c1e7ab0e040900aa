import Database from 'better-sqlite3';

/**
 * Which top-level fields of a collection ever held an array, or another value SQLite orders apart from MongoDB (a
 * boolean, an object). Knowing a field never held an array lets the prefilter compare it exactly, so an index seeks
 * it; knowing it never held either lets a sorted page be read in index order. Every write records what its document
 * holds; a collection created before this record (not in `field_kinds_known`) is read once, in SQL, to fill it.
 */
export const FIELD_KINDS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS field_kinds (
    collection TEXT NOT NULL, field TEXT NOT NULL, kind TEXT NOT NULL, PRIMARY KEY (collection, field, kind)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS field_kinds_known (collection TEXT PRIMARY KEY);`;

type Kind = 'array' | 'apart';

const kindOf = (value: unknown): Kind | undefined => {
  if (Array.isArray(value)) return 'array';
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null) ? 'apart' : undefined;
};

/** What json_each() calls the same kinds. */
const SQL_KIND = `CASE field.type WHEN 'array' THEN 'array' ELSE 'apart' END`;
const SQL_TYPES = "('true', 'false', 'object', 'array')";

export class FieldKinds {
  constructor(
    db: Database.Database,
    private readonly statement: (sql: string) => Database.Statement,
    private readonly transaction: (work: () => void) => void,
  ) {
    db.exec(FIELD_KINDS_SCHEMA);
  }

  /** Inside a batch's transaction; `seen` spares a batch recording the same field twice. */
  record(collection: string, document: Record<string, unknown>, seen: Set<string>): void {
    for (const [field, value] of Object.entries(document)) {
      const kind = kindOf(value);
      if (!kind || seen.has(`${collection}.${field}.${kind}`)) continue;
      seen.add(`${collection}.${field}.${kind}`);
      this.statement('INSERT OR IGNORE INTO field_kinds (collection, field, kind) VALUES (?, ?, ?)').run(
        collection,
        field,
        kind,
      );
    }
  }

  /** A new, empty collection: every write from now on records its fields, there is nothing to read. */
  created(collection: string): void {
    this.statement('INSERT OR IGNORE INTO field_kinds_known (collection) VALUES (?)').run(collection);
  }

  dropped(collection: string): void {
    this.statement('DELETE FROM field_kinds WHERE collection = ?').run(collection);
    this.statement('DELETE FROM field_kinds_known WHERE collection = ?').run(collection);
  }

  /**
   * What the fields of an existing collection ever held: `arrays`, the fields that held an array; `apart`, those
   * that held an array, a boolean or an object (SQLite orders those apart from MongoDB).
   */
  of(collection: string, table: string): { arrays: Set<string>; apart: Set<string> } {
    this.know(collection, table);
    const rows = this.statement('SELECT field, kind FROM field_kinds WHERE collection = ?').all(
      collection,
    ) as Array<{
      field: string;
      kind: Kind;
    }>;
    return {
      arrays: new Set(rows.filter((row) => row.kind === 'array').map((row) => row.field)),
      apart: new Set(rows.map((row) => row.field)),
    };
  }

  private know(collection: string, table: string): void {
    if (this.statement('SELECT 1 FROM field_kinds_known WHERE collection = ?').get(collection)) return;
    this.transaction(() => {
      const found = this.statement(
        `SELECT DISTINCT field.key AS field, ${SQL_KIND} AS kind FROM ${table}, json_each(${table}.body) AS field
         WHERE field.type IN ${SQL_TYPES}`,
      );
      const insert = this.statement(
        'INSERT OR IGNORE INTO field_kinds (collection, field, kind) VALUES (?, ?, ?)',
      );
      for (const { field, kind } of found.all() as Array<{ field: string; kind: Kind }>)
        insert.run(collection, field, kind);
      this.created(collection);
    });
  }
}
