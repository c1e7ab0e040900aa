import {
  ANNOUNCEMENT_ACKS,
  AnnouncementDocument,
  ANNOUNCEMENTS,
  ANNOUNCEMENTS_PROJECTION,
  acknowledgementId,
} from '../../src/announcements/read-models/announcement.document';
import { announcementIdOf, nextAnnouncement } from '../../src/announcements/read-models/announcement-fold';
import { AnnouncementEvent } from '../../src/announcements/domain/announcement.events';
import { storedPosition } from '../../src/platform/document-store/positions';
import { personKey } from '../../src/notifications/read-models/notification.document';
import {
  DocumentKey,
  DocumentLookup,
  ProjectedEvent,
  Projection,
  ProjectionResult,
} from '../runner/projection';
import { announcementChanges } from './announcement-changes';
import { erasureFinds, projectErasure } from './announcement-erasure';

const OWN_EVENTS = new Set<string>([
  'AnnouncementPublished',
  'AnnouncementCorrected',
  'AnnouncementWithdrawn',
  'AnnouncementQuestionAsked',
  'AnnouncementQuestionAnswered',
] satisfies AnnouncementEvent['type'][]);
const ACKNOWLEDGED = 'AnnouncementAcknowledged';
const NOTHING: ProjectionResult = { operations: [], changes: [] };

const announcementKey = (event: ProjectedEvent): DocumentKey => ({
  collection: ANNOUNCEMENTS,
  id: announcementIdOf(event),
});

const ackKey = (event: ProjectedEvent): DocumentKey[] =>
  event.actor.id === null
    ? []
    : [{ collection: ANNOUNCEMENT_ACKS, id: acknowledgementId(announcementIdOf(event), event.actor.id) }];

function projectOwn(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const before = documents(announcementKey(event)) as AnnouncementDocument | undefined;
  const after = nextAnnouncement(event, before);
  if (!after) return NOTHING;
  return { operations: [{ collection: ANNOUNCEMENTS, put: after }], changes: announcementChanges(after) };
}

/** Counted once per person; an acknowledger whose key is gone still counts, named by nobody. */
function projectAcknowledgement(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const before = documents(announcementKey(event)) as AnnouncementDocument | undefined;
  const [key] = ackKey(event);
  if (!before || (key && documents(key))) return NOTHING;
  const after: AnnouncementDocument = {
    ...before,
    acknowledgements: before.acknowledgements + 1,
    lastPosition: storedPosition(event.position),
  };
  const ack = key && {
    _id: key.id,
    announcementId: before._id,
    personKey: personKey(event.actor.id!),
    acknowledgedAt: String(event.data.acknowledgedAt),
  };
  return {
    operations: [
      { collection: ANNOUNCEMENTS, put: after },
      ...(ack ? [{ collection: ANNOUNCEMENT_ACKS, put: ack }] : []),
    ],
    changes: announcementChanges(after),
  };
}

/**
 * Announcements with their versions, questions and answers, and the acknowledgements (one stream each) counted;
 * every change is pushed on the region topics (region announcements) or the groups' topics. AccountErased forgets
 * who asked and who acknowledged.
 */
export const announcementsProjection: Projection = {
  name: ANNOUNCEMENTS_PROJECTION,
  collections: {
    [ANNOUNCEMENTS]: [
      { fields: { regionCode: 1, publishedAt: -1 } },
      { fields: { groupIds: 1, publishedAt: -1 } },
      { fields: { publishedAt: -1 } },
      { fields: { 'questions.askedBy': 1 } },
    ],
    [ANNOUNCEMENT_ACKS]: [{ fields: { personKey: 1 } }],
  },
  handles: (type) => OWN_EVENTS.has(type) || type === ACKNOWLEDGED || type === 'AccountErased',
  touches(event) {
    if (OWN_EVENTS.has(event.type)) return [announcementKey(event)];
    if (event.type === ACKNOWLEDGED) return [announcementKey(event), ...ackKey(event)];
    return [];
  },
  finds: (event) => (event.type === 'AccountErased' ? erasureFinds(event) : []),
  project(event, documents, search) {
    if (OWN_EVENTS.has(event.type)) return projectOwn(event, documents);
    if (event.type === ACKNOWLEDGED) return projectAcknowledgement(event, documents);
    return { operations: projectErasure(event, search), changes: [] };
  },
};
