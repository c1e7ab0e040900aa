import {
  GROUP_MEMBERS,
  GroupMemberDocument,
} from '../../src/notifications/read-models/notification.document';
import { DocumentQuery, DocumentSearch, ProjectedEvent } from '../runner/projection';
import { Notice } from './recipients';

// Whom an announcement to groups tells: every member of those groups (once each), never its publisher.

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
