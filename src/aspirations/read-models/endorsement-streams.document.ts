import { Doc } from '../../platform/document-store/document-store.port';

/**
 * Which endorsement streams each aspiration has: the as-of detail (time travel) reads them from the event store to
 * count endorsements as they were. Streams are per (aspiration, citizen) and the store cannot list them by prefix.
 */
export const ENDORSEMENTS_PROJECTION = 'endorsements';
export const ENDORSEMENT_STREAMS = 'endorsementStreams';

export interface EndorsementStreamsDocument extends Doc {
  /** The aspiration's id. */
  readonly _id: string;
  /** Stream names (`endorsement-<aspirationId>-<digest>`), in the order of their first event; never who endorsed. */
  readonly streams: readonly string[];
}

/** An endorsement stream's aspiration: its name starts with `endorsement-<aspirationId>-` (a UUID). */
export const endorsementStreamPrefix = (aspirationId: string): string => `endorsement-${aspirationId}-`;
