import {
  ASPIRATIONS_PROJECTION,
  STATISTICS,
  THREADS,
  ThreadDocument,
} from '../../src/aspirations/read-models/thread.document';
import { nextThread } from '../../src/aspirations/read-models/thread-fold';
import { DocumentKey, Projection, ProjectionOperation } from '../runner/projection';
import {
  ERASED_PEOPLE,
  erasedIn,
  erasureFinds,
  erasureTouches,
  peopleNamedBy,
  projectErasure,
} from './erased-people';
import { nextStatistics, statisticsTouched } from './statistics.projection';
import { threadChanges } from './thread.changes';
import { THREAD_INDEXES } from './thread-indexes';

const ASPIRATION_EVENTS = new Set([
  'AspirationSubmitted',
  'AspirationVerified',
  'AspirationRejected',
  'AspirationAssigned',
  'AspirationForwarded',
  'OfficialResponded',
  'CitizenReplied',
  'AspirationResolved',
  'AspirationRated',
  'AspirationReopened',
  'AspirationClosed',
  'MessageHidden',
  'AspirationEscalated',
  'DeadlineReminderIssued',
  'AspirationEndorsed',
  'EndorsementWithdrawn',
]);

const aspirationIdOf = (event: { stream: string; data: Record<string, unknown> }): string =>
  typeof event.data.aspirationId === 'string'
    ? event.data.aspirationId
    : event.stream.slice('aspiration-'.length);

/**
 * Threads (detail, lists, inboxes, "my threads") and the public statistics, from aspiration and endorsement events;
 * AccountErased takes the person out of every thread.
 */
export const aspirationsProjection: Projection = {
  name: ASPIRATIONS_PROJECTION,
  collections: {
    [THREADS]: THREAD_INDEXES,
    [STATISTICS]: [{ fields: { kind: 1 } }],
    [ERASED_PEOPLE]: [],
  },
  handles: (type) => ASPIRATION_EVENTS.has(type) || type === 'AccountErased',
  touches: (event): DocumentKey[] =>
    event.type === 'AccountErased'
      ? erasureTouches(event)
      : [
          { collection: THREADS, id: aspirationIdOf(event) },
          ...statisticsTouched(event),
          ...peopleNamedBy(event),
        ],
  finds: erasureFinds,
  project(event, documents, search) {
    if (event.type === 'AccountErased') return projectErasure(event, search);
    const before = documents({ collection: THREADS, id: aspirationIdOf(event) }) as
      ThreadDocument | undefined;
    const after = nextThread(event, before, erasedIn(documents));
    if (!after) return { operations: [], changes: [] };
    const operations: ProjectionOperation[] = [
      { collection: THREADS, put: after },
      ...nextStatistics(before, after, documents).map((put) => ({ collection: STATISTICS, put })),
    ];
    return { operations, changes: threadChanges(before, after) };
  },
};
