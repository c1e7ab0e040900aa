import { ChainBreak } from '../event-store/event-hash';

/** Where a stored event failed its check: enough for an operator to find it, nothing of its content. */
export interface IntegrityFailure {
  readonly stream: string;
  readonly position: bigint;
  readonly revision: number;
  readonly reason: ChainBreak['reason'];
}

/** A stored event does not match its digests or its chain link: it is never served, folded or projected. */
export class IntegrityFailureError extends Error {
  constructor(readonly failure: IntegrityFailure) {
    super(
      `Event ${failure.revision} of stream ${failure.stream} (position ${failure.position}) failed its integrity check: ${failure.reason}`,
    );
    this.name = 'IntegrityFailureError';
  }
}

/** An event names a data key that the key store neither holds nor remembers erasing: a lost or older key store. */
export class KeyMissingError extends Error {
  constructor(
    readonly keyId: string,
    readonly stream: string,
    readonly position: bigint,
  ) {
    super(
      `Data key ${keyId} of stream ${stream} (position ${position}) is missing from the key store and was never erased`,
    );
    this.name = 'KeyMissingError';
  }
}

/** The key store holds nothing while the event log holds sealed personal data: refuse to start. */
export class KeyStoreMismatchError extends Error {
  constructor(stream: string, position: bigint) {
    super(
      `The key store is empty, but the event log holds personal data sealed with data keys (first at stream ${stream}, ` +
        `position ${position}). The key store is missing or belongs to another installation: restore it before ` +
        'starting, or every person would read as erased.',
    );
    this.name = 'KeyStoreMismatchError';
  }
}

/** The disk (or the database's size limit) is full: commands are refused until an append succeeds again. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('Storage is full; try again later', { cause });
    this.name = 'StorageFullError';
  }
}

/** SQLite reports a full disk or size limit as SQLITE_FULL, Node's file system as ENOSPC, MongoDB as code 14031. */
export const isStorageFull = (error: unknown): boolean => {
  const { code } = (error ?? {}) as { code?: unknown };
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 14031;
};
