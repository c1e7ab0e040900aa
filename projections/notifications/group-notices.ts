import { GroupEvent, MEMBER_EVENTS } from '../../src/groups/domain/group.events';
import { regionCovers } from '../../src/platform/domain/region-codes';
import {
  GROUP_MEMBERS,
  groupMemberId,
  GroupMemberDocument,
  NOTIFIED_GROUPS,
  NotifiedGroupDocument,
  STAFF_ROLES,
  StaffRoleDocument,
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

// What notifications keep of groups (who is a member, who coordinates) and whom group events tell.

export const GROUP_EVENTS = new Set<string>([
  'GroupFounded',
  'GroupProposed',
  ...MEMBER_EVENTS,
  'GroupDraftStarted',
] satisfies string[]);

const groupIdOf = (event: ProjectedEvent): string =>
  typeof event.data.groupId === 'string' ? event.data.groupId : event.stream.slice('group-'.length);

const memberOf = (event: ProjectedEvent): string | null =>
  typeof event.data.memberId === 'string' ? event.data.memberId : null;

const membersOf = (groupId: string): DocumentQuery => ({
  collection: GROUP_MEMBERS,
  filter: { groupId, status: 'member' },
});

export function groupTouches(event: ProjectedEvent): DocumentKey[] {
  const groupId = groupIdOf(event);
  const memberId = memberOf(event);
  return [
    { collection: NOTIFIED_GROUPS, id: groupId },
    ...(memberId === null ? [] : [{ collection: GROUP_MEMBERS, id: groupMemberId(groupId, memberId) }]),
  ];
}

export function groupFinds(event: ProjectedEvent): DocumentQuery[] {
  if (event.type === 'GroupDraftStarted') return [membersOf(groupIdOf(event))];
  if (event.type !== 'JoinRequested') return [];
  return [membersOf(groupIdOf(event)), { collection: STAFF_ROLES, filter: { kind: 'facilitator' } }];
}

/** The member document after a member event; `delete` when the person is neither member nor asking. */
function nextMember(
  event: ProjectedEvent,
  before: GroupMemberDocument | undefined,
): GroupMemberDocument | 'delete' | undefined {
  const personId = memberOf(event);
  if (personId === null) return undefined;
  const groupId = groupIdOf(event);
  const base = { _id: groupMemberId(groupId, personId), groupId, personId, coordinator: false };
  switch (event.type as GroupEvent['type']) {
    case 'MemberJoined':
      return { ...base, status: 'member' };
    case 'JoinRequested':
      return { ...base, status: 'requested' };
    case 'JoinRequestDeclined':
    case 'MemberLeft':
      return before ? 'delete' : undefined;
    case 'CoordinatorAppointed':
    case 'CoordinatorRemoved':
      return before && { ...before, coordinator: event.type === 'CoordinatorAppointed' };
    default:
      return undefined;
  }
}

export function groupOperations(event: ProjectedEvent, documents: DocumentLookup): ProjectionOperation[] {
  const groupId = groupIdOf(event);
  if (event.type === 'GroupFounded' || event.type === 'GroupProposed') {
    const { name, regionCode } = event.data as { name: string; regionCode: string };
    const group: NotifiedGroupDocument = { _id: groupId, name, regionCode };
    return [{ collection: NOTIFIED_GROUPS, put: group }];
  }
  const memberId = memberOf(event);
  if (memberId === null) return [];
  const key = { collection: GROUP_MEMBERS, id: groupMemberId(groupId, memberId) };
  const after = nextMember(event, documents(key) as GroupMemberDocument | undefined);
  if (after === undefined) return [];
  return [
    after === 'delete'
      ? { collection: GROUP_MEMBERS, delete: key.id }
      : { collection: GROUP_MEMBERS, put: after },
  ];
}

const notice = (personId: string, kind: Notice['kind'], title: string): Notice => ({
  personId,
  kind,
  audience: 'public',
  title,
  change: null,
  stage: null,
  dueAt: null,
  agencyId: null,
});

/**
 * A join request tells the group's coordinators, or (while it has none) the facilitators of its region; a draft
 * tells every member but its drafter that it waits for their signature. Never the one who acted.
 */
export function groupNotices(
  event: ProjectedEvent,
  documents: DocumentLookup,
  search: DocumentSearch,
): Notice[] {
  const groupId = groupIdOf(event);
  const group = documents({ collection: NOTIFIED_GROUPS, id: groupId }) as NotifiedGroupDocument | undefined;
  const members = search(membersOf(groupId)) as GroupMemberDocument[];
  const others = (people: string[]) => people.filter((personId) => personId !== event.actor.id);
  if (event.type === 'GroupDraftStarted') {
    const title = String(event.data.title);
    return others(members.map((m) => m.personId)).map((personId) => notice(personId, 'group_draft', title));
  }
  if (event.type !== 'JoinRequested' || group === undefined) return [];
  const coordinators = members.filter((m) => m.coordinator).map((m) => m.personId);
  const facilitators = (
    search({ collection: STAFF_ROLES, filter: { kind: 'facilitator' } }) as StaffRoleDocument[]
  )
    .filter((s) => s.regionCode === null || regionCovers(s.regionCode, group.regionCode))
    .map((s) => s.personId);
  const told = coordinators.length > 0 ? coordinators : facilitators;
  return others(told).map((personId) => notice(personId, 'join_request', group.name));
}
