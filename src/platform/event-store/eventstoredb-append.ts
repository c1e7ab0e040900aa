import {
  AppendExpectedRevision,
  AppendResult as EsdbAppendResult,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from './event-store.errors';
import { isLogPosition, toGlobalPosition } from './eventstoredb-position';
import { AppendResult, ExpectedRevision, StreamHead } from './stored-event';

/** What the server checks before writing: the head the events chain onto, or that the stream does not exist. */
export const esdbExpectedRevision = (head: StreamHead | undefined): AppendExpectedRevision =>
  head ? BigInt(head.revision) : NO_STREAM;

/**
 * The port's result from the client's append reply (@eventstore/db-client 6.2.1). On a conflict the client
 * throws WrongExpectedVersionError by default, but resolves `success: false` when the URL sets
 * throwOnAppendFailure=false; its batch-append path then reports BigInt(hasCurrentStreamRevision()) as the
 * revision, so the actual revision is unknown. The reply's position is the last event's: the client's own tests
 * read the last event back at exactly that position from 22.6.0 on.
 */
export function appendOutcome(
  stream: string,
  expected: ExpectedRevision,
  lastRevision: number,
  reply: EsdbAppendResult,
): AppendResult {
  if (!reply.success) throw new WrongExpectedRevisionError(stream, expected, 'unknown');
  const revision = Number(reply.nextExpectedRevision);
  // Only a deduplicated write (these event ids already there) comes back without a position. On SQLite the same
  // append is a conflict, and so it is here: the caller reads the stream again and finds its own events.
  if (!isLogPosition(reply.position)) throw new WrongExpectedRevisionError(stream, expected, revision);
  if (revision !== lastRevision)
    throw new Error(`Stream ${stream}: the append ended at revision ${revision}, not ${lastRevision}`);
  return { position: toGlobalPosition(reply.position), revision };
}

/** The client's conflict error as the port's; any other error unchanged. */
export function portErrorOf(stream: string, expected: ExpectedRevision, error: unknown): unknown {
  if (!(error instanceof WrongExpectedVersionError)) return error;
  const actual = error.actualVersion;
  return new WrongExpectedRevisionError(
    stream,
    expected,
    actual === NO_STREAM ? 'no_stream' : typeof actual === 'bigint' ? Number(actual) : 'unknown',
  );
}
