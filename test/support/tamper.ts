import Database from 'better-sqlite3';
import { hashEvent } from '../../src/platform/event-store/event-hash';
import { EventRow } from '../../src/platform/event-store/recent-events';

/** The rows of one stream in the SQLite events table, in revision order. */
export const streamRows = (db: Database.Database, stream: string): EventRow[] =>
  db.prepare<[string], EventRow>('SELECT * FROM events WHERE stream = ? ORDER BY revision').all(stream);

/**
 * What an operator with file access can do without any secret: recompute every hash and link of a stream after
 * editing it, so the stream's chain verifies again.
 */
export function rehashStream(db: Database.Database, stream: string): void {
  let previousHash: string | null = null;
  for (const row of streamRows(db, stream)) {
    const hash = hashEvent({
      id: row.id,
      stream: row.stream,
      revision: row.revision,
      type: row.type,
      schemaVersion: row.schema_version,
      data: JSON.parse(row.data),
      metadata: JSON.parse(row.metadata),
      keyIds: JSON.parse(row.key_ids),
      previousHash,
    });
    db.prepare('UPDATE events SET previous_hash = ?, hash = ? WHERE position = ?').run(
      previousHash,
      hash,
      row.position,
    );
    previousHash = hash;
  }
}

/** Changes one field of a stored event's data, as an edit behind the platform's back. */
export function editData(db: Database.Database, position: number, field: string, value: unknown): void {
  const { data } = db
    .prepare<[number], { data: string }>('SELECT data FROM events WHERE position = ?')
    .get(position)!;
  db.prepare('UPDATE events SET data = ? WHERE position = ?').run(
    JSON.stringify({ ...JSON.parse(data), [field]: value }),
    position,
  );
}
