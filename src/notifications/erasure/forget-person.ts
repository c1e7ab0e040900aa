import { DocumentStore } from '../../platform/document-store/document-store.port';
import { DeliveryStore } from '../delivery/delivery-store';
import {
  FOLLOWERS,
  NOTIFICATIONS,
  NOTIFIED_PEOPLE,
  NOTIFIED_THREADS,
  personKey,
  STAFF_ROLES,
} from '../read-models/notification.document';

const byPerson = (personId: string) => ({ personId });

/** The notifications read model's collections that name a person, with the filter that finds them there. */
export const NOTIFICATION_COLLECTIONS_NAMING = [
  { collection: NOTIFICATIONS, naming: byPerson },
  { collection: FOLLOWERS, naming: byPerson },
  { collection: STAFF_ROLES, naming: byPerson },
  { collection: NOTIFIED_PEOPLE, naming: byPerson },
  { collection: NOTIFIED_THREADS, naming: (personId: string) => ({ submittedBy: personId }) },
];

/**
 * Erasure, after the projection forgot the person: their payloads leave every `me` entry of the change log (the
 * entries stay for everyone else told of the same event), and the delivery outbox forgets their messages.
 */
export async function forgetNotifiedPerson(documents: DocumentStore, personId: string): Promise<void> {
  const key = personKey(personId);
  // Deleted first: the purge then checkpoints the write-ahead log, so no old page keeps them either.
  await new DeliveryStore(documents).forget(personId);
  await documents.purgeChanges(key, (payloads) =>
    Object.fromEntries(Object.entries(payloads).filter(([audience]) => audience !== key)),
  );
}
