import {
  ANNOUNCEMENT_PUBLISHED,
  announcementFinds,
  announcementNotices,
  QUESTION_EVENTS,
  questionOperations,
  questionTouches,
} from './announcement-notices';
import {
  FOLLOWERS,
  FollowerDocument,
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
  notificationIdOf,
  GROUP_MEMBERS,
  NOTIFIED_GROUPS,
  NOTIFIED_QUESTIONS,
  NOTIFIED_PEOPLE,
  NOTIFIED_THREADS,
  NotifiedThreadDocument,
  ME_TOPIC,
  personKey,
  STAFF_ROLES,
  StaffRoleDocument,
} from '../../src/notifications/read-models/notification.document';
import { newNotificationChange } from '../../src/notifications/read-models/notification-views';
import { storedPosition } from '../../src/platform/document-store/positions';
import {
  DocumentKey,
  DocumentLookup,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  Projection,
  ProjectionOperation,
  ProjectionResult,
} from '../runner/projection';
import { erasureFinds, erasureTouches, projectErasure } from './erasure';
import { followed, followKey, implicitFollower, implicitFollowerKey } from './followers';
import { groupFollowerFinds, groupFollowers } from './group-followers';
import { GROUP_EVENTS, groupFinds, groupNotices, groupOperations, groupTouches } from './group-notices';
import { INBOX_EVENTS, inboxFinds, inboxTouches, projectInbox } from './inbox';
import { nextNotifiedThread } from './notified-thread';
import { Notice, noticesOf } from './recipients';
import { projectRole, ROLE_EVENTS, roleFinds, roleTouches } from './staff-roles';

/** Aspiration events, and the scheduler's reminder (its own type, issued by `system` on the aspiration's stream). */
const THREAD_EVENTS = new Set([
  'AspirationSubmitted',
  'AspirationVerified',
  'AspirationRejected',
  'AspirationAssigned',
  'AspirationForwarded',
  'OfficialResponded',
  'CitizenReplied',
  'AspirationResolved',
  'AspirationReopened',
  'AspirationClosed',
  'MessageHidden',
  'AspirationEscalated',
  'DeadlineReminderIssued',
]);
const FOLLOW_EVENTS = new Set(['AspirationFollowed', 'AspirationUnfollowed']);
const NOTHING: ProjectionResult = { operations: [], changes: [] };

const aspirationIdOf = (event: ProjectedEvent): string =>
  typeof event.data.aspirationId === 'string'
    ? event.data.aspirationId
    : event.stream.slice('aspiration-'.length);

/** The staff an event may tell, as far as the event itself names them (the thread's agency it does not). */
function staffFinds(event: ProjectedEvent): DocumentQuery[] {
  const officials = (agencyIds?: unknown[]) => {
    const named = agencyIds?.filter((id): id is string => typeof id === 'string');
    return {
      collection: STAFF_ROLES,
      filter: named ? { kind: 'official', agencyId: { $in: named } } : { kind: 'official' },
    };
  };
  const facilitators = { collection: STAFF_ROLES, filter: { kind: 'facilitator' } };
  const { data } = event;
  switch (event.type) {
    case 'AspirationAssigned':
      return [officials([data.agencyId])];
    case 'AspirationForwarded':
      return [officials([data.toAgencyId])];
    case 'AspirationReopened':
      return [officials()];
    case 'AspirationEscalated':
      if (data.stage === 'verification') return [facilitators];
      return [
        officials([data.fromAgencyId, data.toAgencyId]),
        ...(data.toAgencyId === null ? [facilitators] : []),
      ];
    case 'DeadlineReminderIssued':
      return [data.stage === 'verification' ? facilitators : officials()];
    default:
      return [];
  }
}

function threadTouches(event: ProjectedEvent): DocumentKey[] {
  const aspirationId = aspirationIdOf(event);
  return [{ collection: NOTIFIED_THREADS, id: aspirationId }, ...implicitFollowerKey(event, aspirationId)];
}

function threadFinds(event: ProjectedEvent): DocumentQuery[] {
  if (event.type === 'AspirationSubmitted') return groupFollowerFinds(event);
  if (event.type === 'MessageHidden') return [];
  return [{ collection: FOLLOWERS, filter: { aspirationId: aspirationIdOf(event) } }, ...staffFinds(event)];
}

/** What a notification is about: a thread, a group (a join request), a group's draft. */
interface Subject {
  readonly aspirationId: string | null;
  readonly groupId: string | null;
  readonly draftId: string | null;
}

function notificationOf(event: ProjectedEvent, subject: Subject, notice: Notice): NotificationDocument {
  const { personId, kind, title, change, stage, dueAt, agencyId } = notice;
  return {
    _id: notificationIdOf(event.position, personId),
    personId,
    kind,
    ...subject,
    title,
    change,
    stage,
    dueAt,
    agencyId,
    at: event.occurredAt,
    read: false,
    position: storedPosition(event.position),
  };
}

function projectThreadEvent(
  event: ProjectedEvent,
  documents: DocumentLookup,
  search: DocumentSearch,
): ProjectionResult {
  const aspirationId = aspirationIdOf(event);
  const before = documents({ collection: NOTIFIED_THREADS, id: aspirationId }) as
    NotifiedThreadDocument | undefined;
  const after = nextNotifiedThread(event, before);
  if (!after) return NOTHING;
  const follower = implicitFollower(event, aspirationId, documents);
  const operations: ProjectionOperation[] = [
    { collection: NOTIFIED_THREADS, put: after },
    ...(follower ? [{ collection: FOLLOWERS, put: follower }] : []),
    ...groupFollowers(event, aspirationId, search).map((put) => ({ collection: FOLLOWERS, put })),
  ];
  if (!before) return { operations, changes: [] };
  const followers = search({ collection: FOLLOWERS, filter: { aspirationId } }) as FollowerDocument[];
  const staff = staffFinds(event).flatMap((query) => search(query)) as StaffRoleDocument[];
  const subject = { aspirationId, groupId: after.groupId ?? null, draftId: null };
  const notices = noticesOf(event, { before, after, followers, staff });
  return told(
    event,
    operations,
    notices.map((notice) => notificationOf(event, subject, notice)),
  );
}

/** The notifications written, and one `me` entry for every person told, each their own audience. */
function told(
  event: ProjectedEvent,
  operations: ProjectionOperation[],
  notifications: NotificationDocument[],
): ProjectionResult {
  const payloads = Object.fromEntries(
    notifications.map((doc) => [personKey(doc.personId), newNotificationChange(doc)]),
  );
  return {
    operations: [...operations, ...notifications.map((put) => ({ collection: NOTIFICATIONS, put }))],
    // A popular thread is still one entry per event.
    changes: notifications.length === 0 ? [] : [{ topic: ME_TOPIC, payloads }],
  };
}

function projectGroupEvent(event: ProjectedEvent, documents: DocumentLookup, search: DocumentSearch) {
  const operations = groupOperations(event, documents);
  const draftId = event.type === 'GroupDraftStarted' ? String(event.data.draftId) : null;
  const groupId =
    typeof event.data.groupId === 'string' ? event.data.groupId : event.stream.slice('group-'.length);
  const subject = { aspirationId: null, groupId, draftId };
  const notices = groupNotices(event, documents, search);
  return told(
    event,
    operations,
    notices.map((notice) => notificationOf(event, subject, notice)),
  );
}

/** An announcement to groups: each member told, the notification naming their group. */
function projectAnnouncement(event: ProjectedEvent, search: DocumentSearch): ProjectionResult {
  const notifications = announcementNotices(event, search).map(({ notice, groupId }) =>
    notificationOf(event, { aspirationId: null, groupId, draftId: null }, notice),
  );
  return told(event, [], notifications);
}

/** A question remembered, or its answer told to the asker. */
function projectQuestion(event: ProjectedEvent, documents: DocumentLookup): ProjectionResult {
  const { operations, notices } = questionOperations(event, documents);
  const subject = { aspirationId: null, groupId: null, draftId: null };
  return told(
    event,
    operations,
    notices.map((notice) => notificationOf(event, subject, notice)),
  );
}

/**
 * Notifications: per person, what happened in the threads they follow or handle, with its read flag; and what
 * deciding that needs (thread facts, followers, staff roles) and delivering it (preferences, browsers). Each new
 * notification is also a change on the `me` topic, for its person only, which live clients and the delivery outbox follow.
 */
export const notificationsProjection: Projection = {
  name: NOTIFICATIONS_PROJECTION,
  collections: {
    // A person's list, newest first, all or unread (and the unread count), then a person's follows, newest first.
    [NOTIFICATIONS]: [
      { fields: { personId: 1, position: -1, _id: -1 } },
      { fields: { personId: 1, read: 1, position: -1, _id: -1 } },
    ],
    [NOTIFIED_THREADS]: [{ fields: { submittedBy: 1 } }],
    [FOLLOWERS]: [
      { fields: { aspirationId: 1 } },
      { fields: { personId: 1, following: 1, since: -1, _id: 1 } },
    ],
    [STAFF_ROLES]: [{ fields: { kind: 1, agencyId: 1 } }],
    [NOTIFIED_PEOPLE]: [],
    [NOTIFIED_GROUPS]: [],
    [NOTIFIED_QUESTIONS]: [{ fields: { personId: 1 } }],
    [GROUP_MEMBERS]: [{ fields: { groupId: 1, status: 1 } }, { fields: { personId: 1 } }],
  },
  handles: (type) =>
    THREAD_EVENTS.has(type) ||
    FOLLOW_EVENTS.has(type) ||
    ROLE_EVENTS.has(type) ||
    INBOX_EVENTS.has(type) ||
    GROUP_EVENTS.has(type) ||
    type === ANNOUNCEMENT_PUBLISHED ||
    QUESTION_EVENTS.has(type) ||
    type === 'AccountErased',
  touches(event) {
    if (THREAD_EVENTS.has(event.type)) return threadTouches(event);
    if (FOLLOW_EVENTS.has(event.type)) return followKey(event);
    if (ROLE_EVENTS.has(event.type)) return roleTouches(event);
    if (INBOX_EVENTS.has(event.type)) return inboxTouches(event);
    if (GROUP_EVENTS.has(event.type)) return groupTouches(event);
    if (event.type === ANNOUNCEMENT_PUBLISHED) return [];
    if (QUESTION_EVENTS.has(event.type)) return questionTouches(event);
    return erasureTouches(event);
  },
  finds(event) {
    if (THREAD_EVENTS.has(event.type)) return threadFinds(event);
    if (ROLE_EVENTS.has(event.type)) return roleFinds(event);
    if (INBOX_EVENTS.has(event.type)) return inboxFinds(event);
    if (GROUP_EVENTS.has(event.type)) return groupFinds(event);
    if (event.type === ANNOUNCEMENT_PUBLISHED) return announcementFinds(event);
    return event.type === 'AccountErased' ? erasureFinds(event) : [];
  },
  project(event, documents, search) {
    if (THREAD_EVENTS.has(event.type)) return projectThreadEvent(event, documents, search);
    if (INBOX_EVENTS.has(event.type)) return projectInbox(event, documents, search);
    if (GROUP_EVENTS.has(event.type)) return projectGroupEvent(event, documents, search);
    if (event.type === ANNOUNCEMENT_PUBLISHED) return projectAnnouncement(event, search);
    if (QUESTION_EVENTS.has(event.type)) return projectQuestion(event, documents);
    if (ROLE_EVENTS.has(event.type)) return { operations: projectRole(event, search), changes: [] };
    if (event.type === 'AccountErased') return { operations: projectErasure(event, search), changes: [] };
    const [key] = followKey(event);
    const after = key && followed(event, documents(key) as FollowerDocument | undefined);
    return after ? { operations: [{ collection: FOLLOWERS, put: after }], changes: [] } : NOTHING;
  },
};
