import Database from 'better-sqlite3';
import { compactPosition } from './positions';

/** user_version of a file whose position columns hold compact positions. */
const COMPACT_POSITIONS = 1;

/**
 * Rewrites an older file's fixed-width positions (40 characters in every row) in the compact form, once, in one
 * transaction. Idempotent: a second process that opened the file meanwhile finds nothing left to rewrite.
 */
export function compactStoredPositions(db: Database.Database): void {
  if ((db.pragma('user_version', { simple: true }) as number) >= COMPACT_POSITIONS) return;
  db.function('compact_position', { deterministic: true }, (stored: unknown) =>
    compactPosition(BigInt(stored as string)),
  );
  db.transaction(() => {
    const tables = db
      .prepare(
        // The document store's own tables only: a file shared with another store keeps its columns as they are.
        `SELECT name FROM sqlite_master WHERE type = 'table'
         AND (name IN ('checkpoints', 'changes', 'change_bodies') OR name GLOB 'doc_*')`,
      )
      .pluck()
      .all() as string[];
    for (const table of tables)
      db.prepare(
        `UPDATE "${table}" SET position = compact_position(position) WHERE position GLOB '[0-9]*'`,
      ).run();
    db.pragma(`user_version = ${COMPACT_POSITIONS}`);
  }).immediate();
}
