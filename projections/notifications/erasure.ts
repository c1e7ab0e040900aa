import {
  FOLLOWERS,
  GROUP_MEMBERS,
  NOTIFICATIONS,
  NOTIFIED_PEOPLE,
  NOTIFIED_QUESTIONS,
  NOTIFIED_THREADS,
  NotifiedThreadDocument,
  personKey,
  STAFF_ROLES,
} from '../../src/notifications/read-models/notification.document';
import {
  DocumentKey,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  ProjectionOperation,
} from '../runner/projection';

/** The account an AccountErased names while its key exists; null once it is gone (then nothing names the person). */
const erasedOf = (event: ProjectedEvent): string | null =>
  typeof event.data.accountId === 'string' ? event.data.accountId : null;

export const erasureTouches = (event: ProjectedEvent): DocumentKey[] => {
  const personId = erasedOf(event);
  if (personId === null) return [];
  const id = personKey(personId);
  return [
    { collection: STAFF_ROLES, id },
    { collection: NOTIFIED_PEOPLE, id },
  ];
};

export const erasureFinds = (event: ProjectedEvent): DocumentQuery[] => {
  const personId = erasedOf(event);
  if (personId === null) return [];
  return [
    { collection: NOTIFICATIONS, filter: { personId } },
    { collection: FOLLOWERS, filter: { personId } },
    { collection: GROUP_MEMBERS, filter: { personId } },
    { collection: NOTIFIED_QUESTIONS, filter: { personId } },
    { collection: NOTIFIED_THREADS, filter: { submittedBy: personId } },
  ];
};

/**
 * Everything kept for the person goes: their notifications, follows, group memberships, role, preferences and
 * browsers. Threads they
 * submitted forget who did, as a rebuild after the key is gone would make them.
 */
export function projectErasure(event: ProjectedEvent, search: DocumentSearch): ProjectionOperation[] {
  const personId = erasedOf(event);
  if (personId === null) return [];
  const id = personKey(personId);
  const removed = (collection: string) =>
    search({ collection, filter: { personId } }).map(({ _id }) => ({ collection, delete: _id }));
  const submitted = search({
    collection: NOTIFIED_THREADS,
    filter: { submittedBy: personId },
  }) as NotifiedThreadDocument[];
  return [
    ...removed(NOTIFICATIONS),
    ...removed(FOLLOWERS),
    ...removed(GROUP_MEMBERS),
    ...removed(NOTIFIED_QUESTIONS),
    { collection: STAFF_ROLES, delete: id },
    { collection: NOTIFIED_PEOPLE, delete: id },
    ...submitted.map((thread) => ({ collection: NOTIFIED_THREADS, put: { ...thread, submittedBy: null } })),
  ];
}
