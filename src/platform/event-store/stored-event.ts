/** A JSON object as stored: field values are plain, encrypted ({$enc}) or withheld ({$withheld}). */
export type StoredFields = Record<string, unknown>;

/**
 * The stored event envelope. Everything here except `hash` is covered by `hash` (through per-field digests);
 * the store-assigned fields of RecordedEvent stay outside it.
 */
export interface EventEnvelope {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: StoredFields;
  readonly metadata: StoredFields;
  /** Hash of the stream's previous event; null for the first. */
  readonly previousHash: string | null;
  /** Ids of the data keys that encrypt fields of this event (personal data). */
  readonly keyIds: readonly string[];
  readonly hash: string;
}

export interface RecordedEvent extends EventEnvelope {
  /** Global position in the log, assigned by the store; clients see it as a decimal string. */
  readonly position: bigint;
  readonly recordedAt: string;
}

/** An event ready to append: sealed (personal fields encrypted), not yet chained. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: StoredFields;
  readonly metadata: StoredFields;
  readonly keyIds: readonly string[];
}

/** A stream's last event as its appender read it: the revision to expect and the hash to chain onto. */
export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * 'no_stream': must not exist; a number: the stream's current last revision (the store looks up the hash to
 * chain onto); a StreamHead: that revision with its hash, already read and verified by the caller, so a
 * server-backed store appends in one round trip; 'any' is refused on chained streams.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number | StreamHead;

/** The revision an ExpectedRevision names, for comparisons and messages. */
export const expectedRevisionOf = (expected: ExpectedRevision): 'no_stream' | 'any' | number =>
  typeof expected === 'object' ? expected.revision : expected;

export interface AppendResult {
  /** Position of the last appended event. */
  readonly position: bigint;
  /** Revision of the last appended event. */
  readonly revision: number;
}

export const positionToString = (position: bigint): string => position.toString(10);

/** Parses a client's opaque position; undefined for anything that is not a non-negative decimal integer. */
export function parsePosition(text: string): bigint | undefined {
  return /^(0|[1-9][0-9]{0,38})$/.test(text) ? BigInt(text) : undefined;
}
