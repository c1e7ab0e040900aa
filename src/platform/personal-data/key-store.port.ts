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
  /** The keys that still exist among these ids; erased ones are absent. */
  keysById(ids: readonly string[]): Promise<Map<string, Buffer>>;
  /** Deletes the subject's keys for good; returns false when there was none. */
  erase(subject: string): Promise<boolean>;
  close(): Promise<void>;
}

export class SubjectErasedError extends Error {
  constructor(readonly subject: string) {
    super('This person asked to be erased; no new personal data can be stored for them');
    this.name = 'SubjectErasedError';
  }
}
