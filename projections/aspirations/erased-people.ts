import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { threadsNaming, threadWithoutPerson } from '../../src/aspirations/read-models/erased-person';
import { ErasedCheck } from '../../src/aspirations/read-models/thread-fold';
import { THREADS, ThreadDocument } from '../../src/aspirations/read-models/thread.document';
import {
  DocumentKey,
  DocumentLookup,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  ProjectionResult,
} from '../runner/projection';
import { threadChanges } from './thread.changes';

/** People erased, each by a SHA-256 of their id (as account streams are named): never the id itself. */
export const ERASED_PEOPLE = 'erasedPeople';

export const erasedPersonKey = (personId: string): DocumentKey => ({
  collection: ERASED_PEOPLE,
  id: createHash('sha256').update(`person:${personId}`).digest('hex'),
});

export const erasedIn =
  (documents: DocumentLookup): ErasedCheck =>
  (personId) =>
    documents(erasedPersonKey(personId)) !== undefined;

/** The account an AccountErased names while its key exists; null once the key is gone (its id reads as null). */
export const erasedAccountOf = (event: ProjectedEvent): string | null =>
  event.type === 'AccountErased' && typeof event.data.accountId === 'string' ? event.data.accountId : null;

/** Whom an aspiration event names in plain text: the citizen who acted, and who submitted. */
export function peopleNamedBy(event: ProjectedEvent): DocumentKey[] {
  const people = new Set<string>();
  if (event.actor.role === 'citizen' && event.actor.id !== null) people.add(event.actor.id);
  if (event.type === 'AspirationSubmitted' && typeof event.data.submittedBy === 'string')
    people.add(event.data.submittedBy);
  return [...people].map(erasedPersonKey);
}

export const erasureTouches = (event: ProjectedEvent): DocumentKey[] => {
  const personId = erasedAccountOf(event);
  return personId === null ? [] : [erasedPersonKey(personId)];
};

export const erasureFinds = (event: ProjectedEvent): DocumentQuery[] => {
  const personId = erasedAccountOf(event);
  return personId === null ? [] : [{ collection: THREADS, filter: threadsNaming(personId) }];
};

/**
 * AccountErased, projected while the person's key still exists: every thread naming them loses their id and shows
 * them as erased, as a rebuild after the key is gone would; and the person is remembered (by digest), so an event of
 * theirs appended after the erasure, before their key is gone, shows them as erased too. Once the key is gone the
 * event names no one and changes nothing: the sealed fields of the person's events read as null by then.
 */
export function projectErasure(event: ProjectedEvent, search: DocumentSearch): ProjectionResult {
  const personId = erasedAccountOf(event);
  if (personId === null) return { operations: [], changes: [] };
  const before = search({ collection: THREADS, filter: threadsNaming(personId) }) as ThreadDocument[];
  const changed = before
    .map((thread) => [thread, threadWithoutPerson(thread, personId)] as const)
    .filter(([thread, after]) => !isDeepStrictEqual(thread, after));
  return {
    operations: [
      { collection: ERASED_PEOPLE, put: { _id: erasedPersonKey(personId).id, erasedAt: event.occurredAt } },
      ...changed.map(([, after]) => ({ collection: THREADS, put: after })),
    ],
    changes: changed.flatMap(([thread, after]) => threadChanges(thread, after)),
  };
}
