import { personKey } from '../../src/notifications/read-models/notification.document';
import {
  ANNOUNCEMENT_ACKS,
  AnnouncementDocument,
  ANNOUNCEMENTS,
} from '../../src/announcements/read-models/announcement.document';
import { DocumentQuery, DocumentSearch, ProjectedEvent, ProjectionOperation } from '../runner/projection';

const erasedOf = (event: ProjectedEvent): string | null =>
  typeof event.data.accountId === 'string' ? event.data.accountId : null;

export const erasureFinds = (event: ProjectedEvent): DocumentQuery[] => {
  const personId = erasedOf(event);
  if (personId === null) return [];
  return [
    { collection: ANNOUNCEMENTS, filter: { 'questions.askedBy': personId } },
    { collection: ANNOUNCEMENT_ACKS, filter: { personKey: personKey(personId) } },
  ];
};

/**
 * As a rebuild after the key is gone makes it: their questions stay, asked by nobody named; their acknowledgements
 * still count (the rebuild counts every acknowledgement event) but no longer say "you acknowledged".
 */
export function projectErasure(event: ProjectedEvent, search: DocumentSearch): ProjectionOperation[] {
  const personId = erasedOf(event);
  if (personId === null) return [];
  const [questionQuery, ackQuery] = erasureFinds(event);
  const asked = search(questionQuery) as AnnouncementDocument[];
  return [
    ...asked.map((doc) => ({
      collection: ANNOUNCEMENTS,
      put: {
        ...doc,
        questions: doc.questions.map((q) =>
          q.askedBy === personId ? { ...q, askedBy: null, askerName: null } : q,
        ),
      },
    })),
    ...search(ackQuery).map(({ _id }) => ({ collection: ANNOUNCEMENT_ACKS, delete: _id })),
  ];
}
