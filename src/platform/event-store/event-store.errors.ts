import { StartupRefusal } from '../data-dir';
import { ExpectedRevision, expectedRevisionOf } from './stored-event';

/** A concurrency conflict: the stream moved since it was read. Command handlers retry on it. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** 'unknown' when the store did not say (EventStoreDB's reply with throwOnAppendFailure=false). */
    readonly actual: number | 'no_stream' | 'unknown',
  ) {
    super(`Stream ${stream}: expected revision ${expectedRevisionOf(expected)}, actual ${actual}`);
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

/** The event store's server cannot serve this adapter correctly: start-up stops with this one line. */
export class UnsupportedEventStoreError extends StartupRefusal {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedEventStoreError';
  }
}
