import {
  FollowerDocument,
  followerId,
  GROUP_MEMBERS,
  GroupMemberDocument,
} from '../../src/notifications/read-models/notification.document';
import { DocumentQuery, DocumentSearch, ProjectedEvent } from '../runner/projection';

/** A draft its members co-signed speaks for the group: its members follow it from its submission on. */
const forGroup = (event: ProjectedEvent): string | null =>
  event.type === 'AspirationSubmitted' &&
  typeof event.data.groupId === 'string' &&
  typeof event.data.groupSignatures === 'number'
    ? event.data.groupId
    : null;

export function groupFollowerFinds(event: ProjectedEvent): DocumentQuery[] {
  const groupId = forGroup(event);
  return groupId === null ? [] : [{ collection: GROUP_MEMBERS, filter: { groupId, status: 'member' } }];
}

/** Every member but the submitter (who follows it as such), as followers for the group's sake. */
export function groupFollowers(
  event: ProjectedEvent,
  aspirationId: string,
  search: DocumentSearch,
): FollowerDocument[] {
  const groupId = forGroup(event);
  if (groupId === null) return [];
  const members = search({
    collection: GROUP_MEMBERS,
    filter: { groupId, status: 'member' },
  }) as GroupMemberDocument[];
  return members
    .filter((member) => member.personId !== event.data.submittedBy)
    .map((member) => ({
      _id: followerId(aspirationId, member.personId),
      aspirationId,
      personId: member.personId,
      role: 'citizen',
      regionCode: null,
      following: true,
      reason: 'group',
      since: event.occurredAt,
    }));
}
