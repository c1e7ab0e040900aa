export const DOCUMENT_STORE = Symbol('DocumentStore');

/** A stored document: a JSON object with a string `_id`. */
export type Doc = { _id: string } & Record<string, unknown>;

/** A MongoDB query filter (the subset both adapters evaluate alike: comparison, logical, $in, $all, $exists, $regex). */
export type Filter = Record<string, unknown>;

export interface FindOptions {
  readonly sort?: Record<string, 1 | -1>;
  /**
   * MongoDB's projection: the fields to leave out (0) or the only ones to return (1, `_id` always comes); a dotted
   * path reaches into an array of objects (`messages.body`). List pages leave out what only a detail shows.
   */
  readonly projection?: Readonly<Record<string, 0 | 1>>;
  readonly limit?: number;
  readonly skip?: number;
}

export interface IndexSpec {
  readonly fields: Record<string, 1 | -1>;
  readonly unique?: boolean;
}

/** One entry of the change log: what one event changed on one topic, with a payload per audience. */
export interface ChangeEntry {
  readonly position: bigint;
  readonly topic: string;
  readonly eventType: string;
  /** Only the audiences that may see this change have a payload. */
  readonly payloads: Readonly<Record<string, unknown>>;
}

/** A whole document to write, or one to delete; `position` is the event that produced this version. */
export type DocumentWrite =
  | { readonly collection: string; readonly position: bigint; readonly document: Doc }
  | { readonly collection: string; readonly position: bigint; readonly delete: string };

/** What replaces the payloads of a change-log entry that names an erased person. */
export type RedactPayloads = (payloads: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** What a projection batch commits: documents, change-log entries and the projection's checkpoint. */
export interface ProjectionCommit {
  readonly writes: readonly DocumentWrite[];
  readonly changes: readonly ChangeEntry[];
  readonly checkpoint: { readonly name: string; readonly position: bigint };
}

/**
 * The document store port: read models, checkpoints, the change log, leases and aliases. MongoDB in production,
 * JSON documents in SQLite embedded; both pass one contract suite.
 */
export interface DocumentStore {
  find<T extends Doc>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  findOne<T extends Doc>(collection: string, filter: Filter): Promise<T | undefined>;
  count(collection: string, filter?: Filter): Promise<number>;
  /**
   * Applies a batch. Every write is guarded by the position it carries: a document already at that position or
   * later is left alone, so replaying a batch after a crash is harmless. SQLite commits the whole batch, its
   * change-log entries and the checkpoint in one transaction; MongoDB in one multi-document transaction on a
   * replica set, and elsewhere (FerretDB) through a redo record: documents, then changes, then the checkpoint last.
   */
  commit(batch: ProjectionCommit): Promise<void>;
  /**
   * Calls `listener` after every batch this process commits, so a reader of the change log here need not poll for
   * them (another process's commits are still found by polling). Returns the call that stops it.
   */
  onCommit(listener: () => void): () => void;
  /**
   * Finishes a batch of this checkpoint that a crash interrupted midway (MongoDB; SQLite batches are atomic). The one
   * runner holding the projection's lease calls it before reading its checkpoint.
   */
  recover(checkpoint: string): Promise<void>;
  /** The position a projection has committed, undefined before its first batch. */
  checkpoint(name: string): Promise<bigint | undefined>;
  /** Change-log entries strictly after a position, in position order (then topic), optionally for some topics. */
  readChanges(options: { after?: bigint; topics?: readonly string[]; limit: number }): Promise<ChangeEntry[]>;
  /** Removes change-log entries at or before a position (retention); readers that far behind must refetch. */
  trimChanges(upTo: bigint): Promise<void>;
  /**
   * Erasure: rewrites every change-log entry whose payloads hold `value` as a whole JSON string (a person's id) with
   * what `redact` makes of its payloads, and returns how many it rewrote. Positions and topics stay, so a client
   * resuming with `since` meets no gap. The embedded store overwrites the old bytes (secure_delete) and then
   * truncates its write-ahead log, so neither these entries nor documents rewritten before survive in it.
   */
  purgeChanges(value: string, redact: RedactPayloads): Promise<number>;
  ensureIndexes(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  dropCollection(collection: string): Promise<void>;
  /**
   * Takes or renews a lease until `now + ttlMs`; false while another holder's lease is unexpired, unless
   * `abandoned` says that holder is certainly gone (a crashed process on this host): then it is taken at once.
   * Without `now` the store's own clock decides (MongoDB: the server's, so instances whose clocks drift agree).
   */
  acquireLease(
    name: string,
    holder: string,
    ttlMs: number,
    now?: Date,
    abandoned?: (holder: string) => boolean,
  ): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
  /** Which physical collection a read model's name points at (rebuilds write fresh ones and swap). */
  alias(name: string): Promise<string | undefined>;
  setAlias(name: string, collection: string): Promise<void>;
  close(): Promise<void>;
}
