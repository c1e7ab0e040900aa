import Database from 'better-sqlite3';
import { chainEvent } from './event-hash';
import { WrongExpectedRevisionError, UnchainedAppendError } from './event-store.errors';
import {
  BatchHandler,
  EventStore,
  ForeignEvents,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from './event-store.port';
import { AppendSignal, catchUpSubscription } from './catch-up-subscription';
import { AppendResult, ExpectedRevision, NewEvent, RecordedEvent, expectedRevisionOf } from './stored-event';
import { openSqlite } from '../sqlite';
import { EventRow, RecentEvents } from './recent-events';

/** Bounds one group commit so a burst cannot hold the write lock for long. */
const MAX_GROUP = 1_000;
/** How often a waiting subscription looks for appends made by another process on the same file. */
const CROSS_PROCESS_POLL_MS = 50;

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    previous_hash TEXT,
    hash TEXT NOT NULL,
    key_ids TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision)
  );`;

/**
 * Stored JSON that no longer parses (a flipped bit on disk) reads as a field whose digest cannot match, so the
 * integrity check names the event instead of every reader crashing on it.
 */
function parseStored<T>(text: string, damaged: T): T {
  try {
    return JSON.parse(text);
  } catch {
    return damaged;
  }
}

const toRecorded = (row: EventRow): RecordedEvent => ({
  position: BigInt(row.position),
  id: row.id,
  stream: row.stream,
  revision: row.revision,
  type: row.type,
  schemaVersion: row.schema_version,
  data: parseStored(row.data, { $unreadable: row.data }),
  metadata: parseStored(row.metadata, { $unreadable: row.metadata }),
  previousHash: row.previous_hash,
  hash: row.hash,
  keyIds: parseStored(row.key_ids, [`$unreadable:${row.key_ids}`]),
  recordedAt: row.recorded_at,
});

/**
 * Embedded event store on one SQLite file. Concurrent appends wait for the next turn of the event loop and
 * commit together in one durable (synchronous=FULL) transaction: group commit, one fsync for many writers.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly appends = new AppendSignal(CROSS_PROCESS_POLL_MS);
  private readonly statements;
  private readonly recent = new RecentEvents(toRecorded);

  constructor(readonly file: string) {
    this.db = openSqlite(file);
    // Nothing is deleted from the log today; should a row ever be (a restore, a repair), its bytes are zeroed too.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.statements = {
      head: this.db.prepare<[string], { revision: number; hash: string }>(
        'SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (id, stream, revision, type, schema_version, data, metadata, previous_hash, hash, key_ids, recorded_at)
         VALUES (@id, @stream, @revision, @type, @schemaVersion, @data, @metadata, @previousHash, @hash, @keyIds, @recordedAt)`,
      ),
      forwards: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
      ),
      backwards: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
      all: this.db.prepare<[bigint, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
      ),
      lastPosition: this.db.prepare<[], { position: number | null }>(
        'SELECT max(position) AS position FROM events',
      ),
      countAfter: this.db.prepare<[bigint, number], { count: number }>(
        'SELECT count(*) AS count FROM (SELECT 1 FROM events WHERE position > ? LIMIT ?)',
      ),
    };
  }

  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (expected === 'any') return Promise.reject(new UnchainedAppendError(stream));
    if (events.length === 0) return Promise.reject(new Error(`Nothing to append to ${stream}`));
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const group = this.pending.splice(0, MAX_GROUP);
    this.flushScheduled = this.pending.length > 0;
    if (this.flushScheduled) setImmediate(() => this.flush());
    const outcomes: Array<{ ok: AppendResult } | { error: unknown }> = [];
    try {
      // Each append of several events is its own savepoint: a conflict rolls back only that append, not the group.
      // One event needs none: its checks run before its one insert, and a failed statement undoes itself.
      const appendMany = this.db.transaction((p: PendingAppend) => this.write(p));
      const appendOne = (p: PendingAppend) => (p.events.length === 1 ? this.write(p) : appendMany(p));
      this.db
        .transaction(() => {
          for (const p of group) {
            try {
              outcomes.push({ ok: appendOne(p) });
            } catch (error) {
              // SQLite itself rolled back the whole transaction (a full disk, an I/O error): the group fails with it.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ error });
            }
          }
        })
        .immediate();
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i];
      if ('ok' in outcome) p.resolve(outcome.ok);
      else p.reject(outcome.error);
    });
    this.appends.wakeAll();
  }

  private write({ stream, events, expected }: PendingAppend): AppendResult {
    let head = this.statements.head.get(stream);
    const actual = head ? head.revision : 'no_stream';
    if (actual !== expectedRevisionOf(expected))
      throw new WrongExpectedRevisionError(stream, expected, actual);
    // Same revision, another hash: the caller read a history this file does not hold. Never chain onto it.
    if (typeof expected === 'object' && expected.hash !== head?.hash)
      throw new Error(`Stream ${stream}: revision ${actual} is not the event the appender read`);
    const recordedAt = new Date().toISOString();
    let position = 0n;
    for (const event of events) {
      const chained = chainEvent({ ...event, stream }, head);
      const info = this.statements.insert.run({
        ...chained,
        data: JSON.stringify(chained.data),
        metadata: JSON.stringify(chained.metadata),
        keyIds: JSON.stringify(chained.keyIds),
        recordedAt,
      });
      position = BigInt(info.lastInsertRowid);
      head = { revision: chained.revision, hash: chained.hash };
    }
    return { position, revision: head!.revision };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const rows =
      options.direction === 'backwards'
        ? this.statements.backwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, maxCount)
        : this.statements.forwards.all(stream, options.fromRevision ?? 0, maxCount);
    return rows.map((row) => this.recent.recorded(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.all
      .all(options.after ?? 0n, options.maxCount ?? Number.MAX_SAFE_INTEGER)
      .map((row) => this.recent.recorded(row));
  }

  async headPosition(): Promise<bigint | undefined> {
    const { position } = this.statements.lastPosition.get()!;
    return position === null ? undefined : BigInt(position);
  }

  async eventsAfter(position: bigint | undefined, limit: number): Promise<number> {
    return this.statements.countAfter.get(position ?? 0n, limit)!.count;
  }

  /** Every row is written by this adapter: nothing foreign to skip. */
  foreignEvents(): ForeignEvents {
    return { count: 0 };
  }

  async verifyServer(): Promise<void> {}

  subscribeToAll(handler: BatchHandler, options?: SubscribeOptions): Subscription {
    return catchUpSubscription(
      {
        readAfter: (after, maxCount) => this.readAll({ after, maxCount }),
        waitForAppends: () => this.appends.wait(),
        wakeAll: () => this.appends.wakeAll(),
      },
      handler,
      options,
    );
  }

  async close(): Promise<void> {
    while (this.pending.length > 0 || this.flushScheduled) await new Promise((r) => setImmediate(r));
    this.db.close();
  }
}
