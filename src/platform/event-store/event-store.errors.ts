import { ExpectedRevision } from './stored-event';

/** A concurrency conflict: the stream moved since it was read. Command handlers retry on it. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${stream}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Every stream is hash-chained, so an append must name the revision it chains onto. */
export class UnchainedAppendError extends Error {
  constructor(readonly stream: string) {
    super(`Stream ${stream} is hash-chained: appends need an expected revision, not "any"`);
    this.name = 'UnchainedAppendError';
  }
}
