import {
  GROUP_MEMBERS,
  GroupMemberDocument,
  NOTIFIED_QUESTIONS,
} from '../../src/notifications/read-models/notification.document';
import {
  DocumentKey,
  DocumentLookup,
  DocumentQuery,
  DocumentSearch,
  ProjectedEvent,
  ProjectionOperation,
} from '../runner/projection';
import { Notice } from './recipients';

// Whom an announcement to groups tells: every member of those groups (once each), never its publisher; and whom an
// answer tells: the one who asked.

export const ANNOUNCEMENT_PUBLISHED = 'AnnouncementPublished';

const targetGroupIds = (event: ProjectedEvent): string[] => {
  const target = event.data.target as { kind?: string; groups?: { groupId: string }[] } | undefined;
  return target?.kind === 'groups' && Array.isArray(target.groups) ? target.groups.map((g) => g.groupId) : [];
};

export function announcementFinds(event: ProjectedEvent): DocumentQuery[] {
  const groupIds = targetGroupIds(event);
  if (groupIds.length === 0) return [];
  return [{ collection: GROUP_MEMBERS, filter: { groupId: { $in: groupIds }, status: 'member' } }];
}

/** One notice per member, with the group of theirs it reached (the first, when they belong to several). */
export function announcementNotices(
  event: ProjectedEvent,
  search: DocumentSearch,
): { notice: Notice; groupId: string }[] {
  const [query] = announcementFinds(event);
  if (!query) return [];
  const reached = new Map<string, string>();
  for (const member of search(query) as GroupMemberDocument[])
    if (member.personId !== event.actor.id && !reached.has(member.personId))
      reached.set(member.personId, member.groupId);
  const title = String(event.data.title);
  return [...reached].map(([personId, groupId]) => ({
    groupId,
    notice: {
      personId,
      kind: 'announcement',
      audience: 'public',
      title,
      change: null,
      stage: null,
      dueAt: null,
      agencyId: null,
    },
  }));
}

export const QUESTION_EVENTS = new Set(['AnnouncementQuestionAsked', 'AnnouncementQuestionAnswered']);

const questionKey = (event: ProjectedEvent): DocumentKey => ({
  collection: NOTIFIED_QUESTIONS,
  id: `${event.stream.slice('announcement-'.length)}:${String(event.data.questionId)}`,
});

export const questionTouches = (event: ProjectedEvent): DocumentKey[] => [questionKey(event)];

/**
 * A question remembers its asker until it is answered; the answer tells them (kind `announcement_answer`, the
 * question as its title) and forgets them. An asker already erased is remembered by nobody.
 */
export function questionOperations(
  event: ProjectedEvent,
  documents: DocumentLookup,
): { operations: ProjectionOperation[]; notices: Notice[] } {
  const key = questionKey(event);
  if (event.type === 'AnnouncementQuestionAsked') {
    if (typeof event.data.askedBy !== 'string') return { operations: [], notices: [] };
    const question = { _id: key.id, personId: event.data.askedBy, text: String(event.data.text) };
    return { operations: [{ collection: NOTIFIED_QUESTIONS, put: question }], notices: [] };
  }
  const asked = documents(key) as { personId: string; text: string } | undefined;
  if (!asked) return { operations: [], notices: [] };
  return {
    operations: [{ collection: NOTIFIED_QUESTIONS, delete: key.id }],
    notices: [
      {
        personId: asked.personId,
        kind: 'announcement_answer',
        audience: 'public',
        title: asked.text,
        change: null,
        stage: null,
        dueAt: null,
        agencyId: null,
      },
    ],
  };
}
