import {
  ENDORSEMENT_STREAMS,
  ENDORSEMENTS_PROJECTION,
  EndorsementStreamsDocument,
} from '../../src/aspirations/read-models/endorsement-streams.document';
import { DocumentKey, ProjectedEvent, Projection, ProjectionResult } from '../runner/projection';

const ENDORSEMENT_EVENTS = new Set(['AspirationEndorsed', 'EndorsementWithdrawn']);

const keyOf = (event: ProjectedEvent): DocumentKey => ({
  collection: ENDORSEMENT_STREAMS,
  id: String(event.data.aspirationId),
});

/** The aspiration's list after the event: its stream added the first time the stream is seen. */
export function nextEndorsementStreams(
  event: ProjectedEvent,
  before: EndorsementStreamsDocument | undefined,
): EndorsementStreamsDocument | undefined {
  if (before?.streams.includes(event.stream)) return undefined;
  return { _id: keyOf(event).id, streams: [...(before?.streams ?? []), event.stream] };
}

/** Per aspiration, the names of its endorsement streams: an index the event store itself cannot answer. */
export const endorsementStreamsProjection: Projection = {
  name: ENDORSEMENTS_PROJECTION,
  collections: { [ENDORSEMENT_STREAMS]: [] },
  handles: (type) => ENDORSEMENT_EVENTS.has(type),
  touches: (event) => [keyOf(event)],
  project(event, documents): ProjectionResult {
    const before = documents(keyOf(event)) as EndorsementStreamsDocument | undefined;
    const after = nextEndorsementStreams(event, before);
    return { operations: after ? [{ collection: ENDORSEMENT_STREAMS, put: after }] : [], changes: [] };
  },
};
