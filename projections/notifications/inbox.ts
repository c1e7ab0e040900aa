import { NotificationInboxEvent } from '../../src/notifications/domain/notification-inbox.events';
import {
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFIED_PEOPLE,
  NotifiedPersonDocument,
  ME_TOPIC,
  personKey,
} from '../../src/notifications/read-models/notification.document';
import { PersonChange } from '../../src/notifications/read-models/notification-views';
import { storedPosition } from '../../src/platform/document-store/positions';
import {
  DocumentKey,
  DocumentLookup,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  ProjectionResult,
} from '../runner/projection';

export const INBOX_EVENTS = new Set<string>([
  'NotificationRead',
  'NotificationsRead',
  'NotificationPreferencesSet',
  'PushSubscriptionAdded',
  'PushSubscriptionRemoved',
] satisfies NotificationInboxEvent['type'][]);

const NOTHING: ProjectionResult = { operations: [], changes: [] };

/** The person an inbox event is about; null once they were erased (the sealed id reads as null). */
const personOf = (event: ProjectedEvent): string | null =>
  typeof event.data.personId === 'string' ? event.data.personId : null;

const isRead = (event: ProjectedEvent) =>
  event.type === 'NotificationRead' || event.type === 'NotificationsRead';

export function inboxTouches(event: ProjectedEvent): DocumentKey[] {
  const personId = personOf(event);
  if (personId === null) return [];
  if (event.type === 'NotificationRead')
    return [{ collection: NOTIFICATIONS, id: String(event.data.notificationId) }];
  return isRead(event) ? [] : [{ collection: NOTIFIED_PEOPLE, id: personKey(personId) }];
}

/** A read mark needs the person's unread notifications: it marks some and tells how many remain. */
export function inboxFinds(event: ProjectedEvent): DocumentQuery[] {
  const personId = personOf(event);
  if (personId === null || !isRead(event)) return [];
  return [{ collection: NOTIFICATIONS, filter: { personId, read: false } }];
}

export function projectInbox(
  event: ProjectedEvent,
  documents: DocumentLookup,
  search: DocumentSearch,
): ProjectionResult {
  const personId = personOf(event);
  if (personId === null) return NOTHING;
  if (isRead(event)) return projectRead(event, personId, search);
  const key = personKey(personId);
  const before = documents({ collection: NOTIFIED_PEOPLE, id: key }) as NotifiedPersonDocument | undefined;
  const person: NotifiedPersonDocument = before ?? {
    _id: key,
    personId,
    preferences: null,
    pushSubscriptions: [],
  };
  return { operations: [{ collection: NOTIFIED_PEOPLE, put: nextPerson(event, person) }], changes: [] };
}

function nextPerson(event: ProjectedEvent, person: NotifiedPersonDocument): NotifiedPersonDocument {
  const data = event.data as Record<string, never>;
  const others = (id: string) => person.pushSubscriptions.filter((s) => s.id !== id);
  switch (event.type) {
    case 'NotificationPreferencesSet':
      return {
        ...person,
        preferences: { channels: data.channels, quietHours: data.quietHours, regionCode: data.regionCode },
      };
    case 'PushSubscriptionAdded': {
      const { subscriptionId: id, endpoint, keys } = data;
      return {
        ...person,
        pushSubscriptions: [...others(id), { id, endpoint, keys, addedAt: event.occurredAt }],
      };
    }
    case 'PushSubscriptionRemoved':
      return { ...person, pushSubscriptions: others(data.subscriptionId) };
    default:
      return person;
  }
}

/** Marks one notification, or all up to a position, read; a change for the person on `me` says which and what remains. */
function projectRead(event: ProjectedEvent, personId: string, search: DocumentSearch): ProjectionResult {
  const unread = search({
    collection: NOTIFICATIONS,
    filter: { personId, read: false },
  }) as NotificationDocument[];
  const marks = (doc: NotificationDocument) =>
    event.type === 'NotificationRead'
      ? doc._id === event.data.notificationId
      : doc.position <= storedPosition(BigInt(String(event.data.upTo)));
  const marked = unread.filter(marks);
  if (marked.length === 0) return NOTHING;
  const read: Extract<PersonChange, { read: unknown }>['read'] =
    event.type === 'NotificationRead'
      ? { notificationId: String(event.data.notificationId) }
      : { upTo: String(event.data.upTo) };
  const payload: PersonChange = { person: personKey(personId), read, unread: unread.length - marked.length };
  return {
    operations: marked.map((doc) => ({ collection: NOTIFICATIONS, put: { ...doc, read: true } })),
    changes: [{ topic: ME_TOPIC, payloads: { [personKey(personId)]: payload } }],
  };
}
