import Database from 'better-sqlite3';
import { ChangeEntry, RedactPayloads } from './document-store.port';
import { compactPosition, positionFromCompact } from './positions';
import { decodeChangeBody, encodeChangeBody } from './change-body-codec';

/**
 * The change log. One event's entries repeat the same payload on many topics and for many audiences (a thread's
 * public summary on `feed`, on each of its regions, on its group...), so each distinct payload of a position is
 * stored once in change_bodies and an entry names its bodies by number (`bodies`: audience → n). Entries written
 * before that keep their payloads inline (`bodies` null), and so do entries an erasure rewrote. Long bodies are
 * stored deflated (change-body-codec.ts); SQL reads them through `change_body(body)`.
 */
export const CHANGE_LOG_SCHEMA = `
  CREATE TABLE IF NOT EXISTS changes (
    position TEXT NOT NULL, topic TEXT NOT NULL, event_type TEXT NOT NULL, payloads TEXT NOT NULL,
    PRIMARY KEY (position, topic)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS change_bodies (
    position TEXT NOT NULL, n INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (position, n)
  ) WITHOUT ROWID;`;

interface ChangeRow {
  readonly position: string;
  readonly topic: string;
  readonly event_type: string;
  readonly payloads: string;
  readonly bodies: string | null;
}

type Statements = (sql: string) => Database.Statement;

export class SqliteChangeLog {
  constructor(
    private readonly db: Database.Database,
    private readonly statement: Statements,
  ) {
    db.exec(CHANGE_LOG_SCHEMA);
    db.function('change_body', { deterministic: true }, (body: unknown) =>
      decodeChangeBody(body as string | Buffer),
    );
    const columns = db.prepare('PRAGMA table_info(changes)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'bodies'))
      db.exec('ALTER TABLE changes ADD COLUMN bodies TEXT');
  }

  /** Inside the batch's transaction. An entry already stored (a replayed batch) is left as it is. */
  insert(changes: readonly ChangeEntry[]): void {
    const exists = this.statement('SELECT 1 FROM changes WHERE position = ? AND topic = ?');
    const insert = this.statement(
      "INSERT INTO changes (position, topic, event_type, payloads, bodies) VALUES (?, ?, ?, '{}', ?)",
    );
    const insertBody = this.statement('INSERT INTO change_bodies (position, n, body) VALUES (?, ?, ?)');
    const nextBody = this.statement(
      'SELECT coalesce(max(n), -1) + 1 FROM change_bodies WHERE position = ?',
    ).pluck();
    const positions = new Map<string, { bodies: Map<string, number>; next: number }>();
    for (const { position, topic, eventType, payloads } of changes) {
      const at = compactPosition(position);
      if (exists.get(at, topic)) continue;
      let stored = positions.get(at);
      if (!stored) positions.set(at, (stored = { bodies: new Map(), next: nextBody.get(at) as number }));
      const refs: Record<string, number> = {};
      for (const [audience, payload] of Object.entries(payloads)) {
        const body = JSON.stringify(payload);
        if (body === undefined) continue;
        let n = stored.bodies.get(body);
        if (n === undefined) {
          n = stored.next++;
          insertBody.run(at, n, encodeChangeBody(body));
          stored.bodies.set(body, n);
        }
        refs[audience] = n;
      }
      insert.run(at, topic, eventType, JSON.stringify(refs));
    }
  }

  read({
    after,
    topics,
    limit,
  }: {
    after?: bigint;
    topics?: readonly string[];
    limit: number;
  }): ChangeEntry[] {
    if (topics?.length === 0) return [];
    const byTopic = topics ? ` AND topic IN (${topics.map(() => '?').join(', ')})` : '';
    const sql = `SELECT position, topic, event_type, payloads, bodies FROM changes WHERE position > ?${byTopic}
      ORDER BY position, topic LIMIT ?`;
    // Every stored position sorts after the empty string, so no `after` reads from the start.
    const from = after === undefined ? '' : compactPosition(after);
    const rows = this.statement(sql).all(from, ...(topics ?? []), limit) as ChangeRow[];
    const bodies = new BodiesRead(this.statement);
    return rows.map((row) => ({
      position: positionFromCompact(row.position),
      topic: row.topic,
      eventType: row.event_type,
      payloads: bodies.payloadsOf(row),
    }));
  }

  trim(upTo: bigint): void {
    const at = compactPosition(upTo);
    this.statement('DELETE FROM changes WHERE position <= ?').run(at);
    this.statement('DELETE FROM change_bodies WHERE position <= ?').run(at);
  }

  /** Rewrites every entry whose payloads (or audiences) hold `value`, inline, then deletes the bodies that held it. */
  purge(value: string, redact: RedactPayloads): number {
    const needle = JSON.stringify(value);
    const held = this.statement(
      'SELECT position, n FROM change_bodies WHERE instr(change_body(body), ?) > 0',
    ).all(needle) as Array<{ position: string; n: number }>;
    const heldAt = new Map<string, Set<number>>();
    for (const { position, n } of held) heldAt.set(position, (heldAt.get(position) ?? new Set()).add(n));
    const naming = (row: ChangeRow) =>
      row.payloads.includes(needle) ||
      (row.bodies !== null &&
        (row.bodies.includes(needle) ||
          Object.values(JSON.parse(row.bodies) as Record<string, number>).some((n) =>
            heldAt.get(row.position)?.has(n),
          )));
    const candidates = [
      ...(this.statement(
        "SELECT * FROM changes WHERE instr(payloads, ?) > 0 OR instr(coalesce(bodies, ''), ?) > 0",
      ).all(needle, needle) as ChangeRow[]),
      ...[...heldAt.keys()].flatMap(
        (position) => this.statement('SELECT * FROM changes WHERE position = ?').all(position) as ChangeRow[],
      ),
    ];
    const rows = new Map(candidates.filter(naming).map((row) => [`${row.position} ${row.topic}`, row]));
    const bodies = new BodiesRead(this.statement);
    const update = this.statement(
      'UPDATE changes SET payloads = ?, bodies = NULL WHERE position = ? AND topic = ?',
    );
    for (const row of rows.values())
      update.run(JSON.stringify(redact(bodies.payloadsOf(row))), row.position, row.topic);
    this.statement('DELETE FROM change_bodies WHERE instr(change_body(body), ?) > 0').run(needle);
    return rows.size;
  }
}

/** The bodies of the positions one read meets, each read and parsed once (entries of a position share them). */
class BodiesRead {
  private readonly byPosition = new Map<string, Map<number, unknown>>();

  constructor(private readonly statement: Statements) {}

  payloadsOf(row: ChangeRow): Record<string, unknown> {
    if (row.bodies === null) return JSON.parse(row.payloads);
    const bodies = this.at(row.position);
    const refs = JSON.parse(row.bodies) as Record<string, number>;
    return Object.fromEntries(Object.entries(refs).map(([audience, n]) => [audience, bodies.get(n)]));
  }

  private at(position: string): Map<number, unknown> {
    let bodies = this.byPosition.get(position);
    if (!bodies) {
      const rows = this.statement('SELECT n, body FROM change_bodies WHERE position = ?').all(
        position,
      ) as Array<{
        n: number;
        body: string | Buffer;
      }>;
      bodies = new Map(rows.map(({ n, body }) => [n, JSON.parse(decodeChangeBody(body))]));
      this.byPosition.set(position, bodies);
    }
    return bodies;
  }
}
