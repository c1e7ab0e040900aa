import { canonicalize } from 'json-canonicalize';
import { positionToString, RecordedEvent } from '../platform/event-store/stored-event';
import { leafHash } from './merkle/merkle-hash';

/**
 * What the Merkle tree commits to for each event of the log, in position order. The event's hash already covers
 * its stream, revision and every field (through per-field digests); the position is added because the store
 * assigns it outside that hash, and an inclusion proof should say where in the log the event stands.
 */
export interface LogLeaf {
  readonly hash: string;
  /** The global position, as the decimal string clients see. */
  readonly position: string;
  readonly revision: number;
  readonly stream: string;
}

export const leafOf = (event: RecordedEvent): LogLeaf => ({
  hash: event.hash,
  position: positionToString(event.position),
  revision: event.revision,
  stream: event.stream,
});

/** The leaf's bytes: its RFC 8785 canonical JSON, so an outsider rebuilds them with any JCS library. */
export const leafBytes = (leaf: LogLeaf): Buffer =>
  Buffer.from(
    canonicalize({ hash: leaf.hash, position: leaf.position, revision: leaf.revision, stream: leaf.stream }),
    'utf8',
  );

export const logLeafHash = (leaf: LogLeaf): Buffer => leafHash(leafBytes(leaf));
