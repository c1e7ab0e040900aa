export const KEY_STORE = Symbol('KeyStore');

/** A person's own data key: AES-256, 32 bytes. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * Keeps one data key per person (subject). Deleting it erases that person from every event encrypted with it,
 * while every hash still verifies. MongoDB in production, SQLite embedded; both pass one contract suite.
 */
export interface KeyStore {
  /** The subject's key, created on first use. Throws SubjectErasedError once the subject was erased. */
  keyFor(subject: string): Promise<DataKey>;
  /** The keys among these ids: a Buffer for a key that exists, null for an erased one (its tombstone), absent when
   * the store knows nothing of it (a lost or older key store: an error, never an erasure). */
  keysById(ids: readonly string[]): Promise<Map<string, Buffer | null>>;
  /** True when the store has never held a key nor erased one: a new or missing store. */
  isEmpty(): Promise<boolean>;
  /** Deletes the subject's keys for good, keeping a tombstone per key id; returns false when there was none. */
  erase(subject: string): Promise<boolean>;
  close(): Promise<void>;
}

export class SubjectErasedError extends Error {
  constructor(readonly subject: string) {
    super('This person asked to be erased; no new personal data can be stored for them');
    this.name = 'SubjectErasedError';
  }
}
