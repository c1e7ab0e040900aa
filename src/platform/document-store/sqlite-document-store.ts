import Database from 'better-sqlite3';
import { find as mingoFind, Query } from './mingo';
import { createHash } from 'node:crypto';
import { openSqlite } from '../sqlite';
import {
  ChangeEntry,
  Doc,
  DocumentStore,
  Filter,
  FindOptions,
  IndexSpec,
  ProjectionCommit,
  RedactPayloads,
} from './document-store.port';
import { Listeners } from './listeners';
import { SqliteChangeLog } from './sqlite-change-log';
import { compactPosition, positionFromCompact } from './positions';
import { compactStoredPositions } from './sqlite-compact-positions';
import { fieldExpression, NAME, orderBy } from './sqlite-expressions';
import { FieldKinds } from './sqlite-field-kinds';

// Layout: a table doc_<collection>(id PK, position, body JSON) per collection, the tables below, the change log
// (sqlite-change-log.ts) and what kinds of value fields held (sqlite-field-kinds.ts).
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS aliases (name TEXT PRIMARY KEY, collection TEXT NOT NULL);`;

/** Filters are data: no server-side JavaScript ($where, $function, $accumulator). */
const QUERY_OPTIONS = { scriptEnabled: false };
/** better-sqlite3 would bind a lone surrogate as U+FFFD, so such strings are left to mingo alone. */
const LONE_SURROGATE = /\p{Cs}/u;
const RANGE: Readonly<Record<string, string>> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };
/** Prepared statements are cached by SQL text; the bound keeps odd $in list lengths from growing it forever. */
const MAX_CACHED_STATEMENTS = 500;

const tableOf = (collection: string): string => {
  if (!NAME.test(collection)) throw new Error(`Invalid collection name: ${JSON.stringify(collection)}`);
  return `doc_${collection}`;
};

const arrayish = (expression: string) => `(${expression} >= '[' AND ${expression} < '\\')`;

const NON_ASCII = /[^\p{ASCII}]/u;
const isAsciiText = (value: unknown): value is string => typeof value === 'string' && !NON_ASCII.test(value);

const isScalar = (value: unknown): value is string | number =>
  (typeof value === 'string' && !LONE_SURROGATE.test(value)) ||
  (typeof value === 'number' && Number.isFinite(value));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isOperators = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key.startsWith('$'));

/** SQLite reads a JSON boolean as 1 or 0: equal to it, and to those numbers, a superset mingo then narrows. */
const asSql = (value: string | number | boolean) => (typeof value === 'boolean' ? Number(value) : value);
const isScalarOrBoolean = (value: unknown): value is string | number | boolean =>
  isScalar(value) || typeof value === 'boolean';

/**
 * The SQL implied by one field's condition (equality, $eq, $in of scalars, numeric ranges), if any. Rows whose field
 * is an array stay in (only mingo looks inside arrays) unless `noArrays` says the field never held one.
 */
function fieldCondition(
  expression: string,
  condition: unknown,
  params: unknown[],
  noArrays: boolean,
): string | undefined {
  const terms: string[] = [];
  const add = (term: string, ...values: unknown[]) => (terms.push(term), params.push(...values));
  if (isScalarOrBoolean(condition)) add(`${expression} = ?`, asSql(condition));
  else if (isOperators(condition))
    for (const [op, value] of Object.entries(condition)) {
      if (op === '$eq' && isScalarOrBoolean(value)) add(`${expression} = ?`, asSql(value));
      else if (op === '$in' && Array.isArray(value) && value.length > 0 && value.every(isScalar))
        add(`${expression} IN (${value.map(() => '?').join(', ')})`, ...value);
      // Numbers, and strings of ASCII alone (ISO instants): SQLite orders text by UTF-8 bytes where JavaScript
      // uses UTF-16 units, which differ only between two characters at or above U+E000, never against ASCII.
      else if (op in RANGE && (isAsciiText(value) || (typeof value === 'number' && Number.isFinite(value))))
        add(`${expression} ${RANGE[op]} ?`, value);
    }
  if (terms.length === 0) return undefined;
  const all = terms.join(' AND ');
  return expression === 'id' || noArrays ? all : `((${all}) OR ${arrayish(expression)})`;
}

/**
 * A SQL prefilter: a superset of the rows the filter matches, from its top-level (and $and) field conditions.
 * mingo still evaluates the whole filter on every row it returns, so results are always mingo's. `arrays`: the
 * top-level fields that may hold arrays (all of them when unknown).
 */
export function prefilter(
  filter: Filter,
  arrays?: ReadonlySet<string>,
): { where: string; params: unknown[] } {
  const terms: string[] = [];
  const params: unknown[] = [];
  const collect = (conditions: Filter) => {
    for (const [key, condition] of Object.entries(conditions)) {
      // Every branch of an $and must hold, so each narrows the rows as a top-level condition does; so does the
      // only branch of an $or.
      const branches =
        key === '$and' || (key === '$or' && Array.isArray(condition) && condition.length === 1);
      if (branches && Array.isArray(condition))
        condition.forEach((sub) => isPlainObject(sub) && collect(sub));
      if (key.startsWith('$')) continue;
      const expression = fieldExpression(key);
      const noArrays = arrays !== undefined && !key.includes('.') && !arrays.has(key);
      const term = expression && fieldCondition(expression, condition, params, noArrays);
      if (term) terms.push(term);
    }
  };
  collect(filter);
  return { where: terms.length > 0 ? terms.join(' AND ') : '1', params };
}

/**
 * Embedded document store on one SQLite file: JSON documents filtered, sorted and paged by mingo, narrowed
 * first by SQL (expression indexes from ensureIndexes). A batch, its change log and checkpoint commit together.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly commits = new Listeners();
  private readonly changeLog: SqliteChangeLog;
  private readonly kinds: FieldKinds;
  private readonly tables = new Set<string>();
  private readonly commitBatch: Database.Transaction<(batch: ProjectionCommit) => void>;
  private readonly takeLease: Database.Transaction<
    (
      name: string,
      holder: string,
      now: number,
      until: number,
      abandoned: (holder: string) => boolean,
    ) => boolean
  >;

  constructor(readonly file: string) {
    this.db = openSqlite(file);
    // Read models are rebuilt from the event log, so losing the last commits to a power cut is harmless.
    this.db.pragma('synchronous = NORMAL');
    // Rewritten and deleted rows (an erased person's) are zeroed on disk, not just unlinked from the b-tree.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.changeLog = new SqliteChangeLog(this.db, (sql) => this.statement(sql));
    compactStoredPositions(this.db);
    this.kinds = new FieldKinds(
      this.db,
      (sql) => this.statement(sql),
      (work) => this.db.transaction(work).immediate(),
    );
    this.commitBatch = this.db.transaction((batch: ProjectionCommit) => this.apply(batch));
    // Read and write in one IMMEDIATE transaction: of processes sharing the file, one decides at a time.
    this.takeLease = this.db.transaction((name, holder, now, until, abandoned) => {
      const current = this.statement('SELECT holder, expires_at FROM leases WHERE name = ?').get(name) as
        { holder: string; expires_at: number } | undefined;
      const free = !current || current.holder === holder || current.expires_at <= now;
      if (!free && !abandoned(current.holder)) return false;
      const sql = `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`;
      this.statement(sql).run(name, holder, until);
      return true;
    });
  }

  async find<T extends Doc>(
    collection: string,
    filter: Filter = {},
    options: FindOptions = {},
  ): Promise<T[]> {
    const query = new Query(filter, QUERY_OPTIONS);
    const ordered = this.orderedPage<T>(collection, filter, query, options);
    if (ordered) return project(ordered, options);
    // Without a sort, the first skip + limit matches are enough: stop reading rows there.
    const enough = options.sort || !options.limit ? Infinity : (options.skip ?? 0) + options.limit;
    const matches: T[] = [];
    for (const body of this.scan(collection, filter)) {
      const doc = JSON.parse(body) as T;
      if (query.test(doc)) matches.push(doc);
      if (matches.length >= enough) break;
    }
    let cursor = mingoFind<T>(matches, {}, undefined, QUERY_OPTIONS);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return project(cursor.all(), options);
  }

  /**
   * A sorted page read in order (from an index that serves the sort) until it is full, so its cost does not grow
   * with the collection; undefined when SQLite cannot order it as MongoDB does (a nested sort field, or one that
   * holds booleans, objects or arrays), and the whole match is sorted by mingo instead.
   */
  private orderedPage<T extends Doc>(
    collection: string,
    filter: Filter,
    query: Query,
    { sort, skip = 0, limit }: FindOptions,
  ): T[] | undefined {
    const order = sort && limit ? orderBy(sort) : undefined;
    if (!order) return undefined;
    const table = tableOf(collection);
    if (!this.exists(table)) return [];
    const kinds = this.kinds.of(collection, table);
    if (Object.keys(sort!).some((field) => kinds.apart.has(field))) return undefined;
    const { where, params } = prefilter(filter, kinds.arrays);
    const rows = this.statement(`SELECT body FROM ${table} WHERE ${where} ORDER BY ${order}`).pluck();
    const matches: T[] = [];
    for (const body of rows.iterate(...params) as Iterable<string>) {
      const doc = JSON.parse(body) as T;
      if (query.test(doc) && matches.push(doc) >= skip + limit!) break;
    }
    return matches.slice(skip);
  }

  async findOne<T extends Doc>(collection: string, filter: Filter): Promise<T | undefined> {
    return (await this.find<T>(collection, filter, { limit: 1 }))[0];
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    const table = tableOf(collection);
    if (!this.exists(table)) return 0;
    if (Object.keys(filter).length === 0)
      return this.statement(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const query = new Query(filter, QUERY_OPTIONS);
    let count = 0;
    for (const body of this.scan(collection, filter)) if (query.test(JSON.parse(body))) count++;
    return count;
  }

  /** The SQLite query plan of a find: which index the prefilter uses (for tests and diagnosis). */
  queryPlan(collection: string, filter: Filter = {}, sort?: Record<string, 1 | -1>): string[] {
    const table = tableOf(collection);
    const { where, params } = prefilter(
      filter,
      this.exists(table) ? this.kinds.of(collection, table).arrays : undefined,
    );
    const order = sort && orderBy(sort);
    const sql = `EXPLAIN QUERY PLAN SELECT body FROM ${tableOf(collection)} WHERE ${where}${order ? ` ORDER BY ${order}` : ''}`;
    return this.db
      .prepare<unknown[], { detail: string }>(sql)
      .all(...params)
      .map((row) => row.detail);
  }

  /** Nothing to recover: a batch commits in one transaction or not at all. */
  async recover(): Promise<void> {}

  async commit(batch: ProjectionCommit): Promise<void> {
    this.commitBatch.immediate(batch);
    this.commits.notify();
  }

  onCommit(listener: () => void): () => void {
    return this.commits.add(listener);
  }

  private apply({ writes, changes, checkpoint }: ProjectionCommit): void {
    const created = new Set<string>();
    const recorded = new Set<string>();
    for (const write of writes) {
      const table = tableOf(write.collection);
      if (!created.has(table)) created.add(this.createTable(write.collection));
      const position = compactPosition(write.position);
      if ('document' in write) this.kinds.record(write.collection, write.document, recorded);
      if ('document' in write)
        this.statement(
          `INSERT INTO ${table} (id, position, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE
           SET position = excluded.position, body = excluded.body WHERE excluded.position > ${table}.position`,
        ).run(write.document._id, position, JSON.stringify(write.document));
      else this.statement(`DELETE FROM ${table} WHERE id = ? AND position < ?`).run(write.delete, position);
    }
    this.changeLog.insert(changes);
    // The checkpoint only moves forward, like every other guarded write: a replayed batch cannot rewind it.
    this.statement(
      `INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE
       SET position = excluded.position WHERE excluded.position > checkpoints.position`,
    ).run(checkpoint.name, compactPosition(checkpoint.position));
  }

  async checkpoint(name: string): Promise<bigint | undefined> {
    const stored = this.statement('SELECT position FROM checkpoints WHERE name = ?').pluck().get(name);
    return stored === undefined ? undefined : positionFromCompact(stored as string);
  }

  async readChanges(options: {
    after?: bigint;
    topics?: readonly string[];
    limit: number;
  }): Promise<ChangeEntry[]> {
    return this.changeLog.read(options);
  }

  async trimChanges(upTo: bigint): Promise<void> {
    this.db.transaction(() => this.changeLog.trim(upTo)).immediate();
  }

  async purgeChanges(value: string, redact: RedactPayloads): Promise<number> {
    const rewritten = this.db.transaction(() => this.changeLog.purge(value, redact)).immediate();
    // The old pages live on in the write-ahead log until it is checkpointed and truncated.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return rewritten;
  }

  async ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    const table = this.createTable(collection);
    for (const index of indexes) {
      const columns = Object.entries(index.fields).map(([field, direction]) => {
        const expression = fieldExpression(field);
        if (!expression) throw new Error(`Cannot index ${JSON.stringify(field)} of ${collection}`);
        return `${expression} ${direction === -1 ? 'DESC' : 'ASC'}`;
      });
      // Deterministic name: declaring the same index again is a no-op.
      const digest = createHash('sha256')
        .update(JSON.stringify([columns, !!index.unique]))
        .digest('hex');
      const unique = index.unique ? 'UNIQUE ' : '';
      const name = `${table}__${digest.slice(0, 16)}`;
      this.db.exec(`CREATE ${unique}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`);
    }
  }

  async dropCollection(collection: string): Promise<void> {
    this.db
      .transaction(() => {
        this.db.exec(`DROP TABLE IF EXISTS ${tableOf(collection)}`);
        this.tables.delete(tableOf(collection));
        this.kinds.dropped(collection);
      })
      .immediate();
  }

  async acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    now: Date = new Date(),
    abandoned: (holder: string) => boolean = () => false,
  ): Promise<boolean> {
    return this.takeLease.immediate(name, holder, now.getTime(), now.getTime() + ttlMs, abandoned);
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.statement('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
  }

  async alias(name: string): Promise<string | undefined> {
    return this.statement('SELECT collection FROM aliases WHERE name = ?').pluck().get(name) as
      string | undefined;
  }

  async setAlias(name: string, collection: string): Promise<void> {
    tableOf(collection);
    this.statement(
      'INSERT INTO aliases (name, collection) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET collection = excluded.collection',
    ).run(name, collection);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** Bodies of the rows the prefilter keeps, read lazily so a satisfied find can stop early. */
  private scan(collection: string, filter: Filter): Iterable<string> {
    const table = tableOf(collection);
    if (!this.exists(table)) return [];
    const { where, params } = prefilter(filter, this.kinds.of(collection, table).arrays);
    return this.statement(`SELECT body FROM ${table} WHERE ${where}`)
      .pluck()
      .iterate(...params) as Iterable<string>;
  }

  /** Tables seen to exist are remembered (looking each up again was a measurable share of every read). */
  private exists(table: string): boolean {
    if (this.tables.has(table)) return true;
    const found = !!this.statement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(
      table,
    );
    if (found) this.tables.add(table);
    return found;
  }

  private createTable(collection: string): string {
    const table = tableOf(collection);
    if (this.exists(table)) return table;
    this.db
      .transaction(() => {
        this.db.exec(
          `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, position TEXT NOT NULL, body TEXT NOT NULL)`,
        );
        this.kinds.created(collection);
      })
      .immediate();
    return table;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** MongoDB's projection, applied after sorting and paging, which may use a field the projection leaves out. */
function project<T extends Doc>(page: T[], { projection }: FindOptions): T[] {
  return projection
    ? mingoFind<T>(page, {}, { ...projection } as Record<never, never>, QUERY_OPTIONS).all()
    : page;
}
