import { regionPrefixes } from '../../aspirations/read-models/thread.document';
import { storedPosition } from '../../platform/document-store/positions';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { GroupCharter, GroupEvent } from '../domain/group.events';
import { memberKeyOf } from '../domain/group.streams';
import { GroupDocument, membershipId, MembershipDocument, MembershipStatus } from './group.document';

// The groups read model's fold, pure: projections/groups applies it event by event.

/** A group event's group: its stream is `group-<groupId>`. */
export const groupIdOf = (event: ProjectedEvent): string => event.stream.slice('group-'.length);

/** The person a member event names; null once they were erased (their sealed id reads as null). */
export const memberIdOf = (event: ProjectedEvent): string | null =>
  typeof event.data.memberId === 'string' ? event.data.memberId : null;

const stamped = (event: ProjectedEvent) => ({
  lastPosition: storedPosition(event.position),
  updatedAt: event.occurredAt,
});

function started(
  event: ProjectedEvent,
  data: GroupCharter,
  proposedBy: string | null | undefined,
): GroupDocument {
  return {
    _id: data.groupId,
    name: data.name,
    description: data.description,
    regionCode: data.regionCode,
    regions: regionPrefixes(data.regionCode),
    joinPolicy: data.joinPolicy,
    signatureThreshold: data.signatureThreshold,
    status: proposedBy === undefined ? 'active' : 'proposed',
    proposedBy: proposedBy ?? null,
    createdAt: event.occurredAt,
    approvedAt: null,
    dissolvedAt: null,
    dissolvedReason: null,
    ...stamped(event),
  };
}

/** The group's document after the event; undefined when the event changes nothing the document shows. */
export function nextGroup(
  event: ProjectedEvent,
  before: GroupDocument | undefined,
): GroupDocument | undefined {
  const e = { type: event.type, data: event.data } as GroupEvent;
  switch (e.type) {
    case 'GroupFounded':
      return before ? undefined : started(event, e.data, undefined);
    case 'GroupProposed': {
      const proposedBy = typeof e.data.proposedBy === 'string' ? e.data.proposedBy : null;
      return before ? undefined : started(event, e.data, proposedBy);
    }
    case 'GroupApproved':
      return before?.status === 'proposed'
        ? { ...before, status: 'active', proposedBy: null, approvedAt: e.data.approvedAt, ...stamped(event) }
        : undefined;
    case 'GroupDissolved':
      return before && before.status !== 'dissolved'
        ? {
            ...before,
            status: 'dissolved',
            proposedBy: null,
            dissolvedAt: e.data.dissolvedAt,
            dissolvedReason: e.data.reason,
            ...stamped(event),
          }
        : undefined;
    default:
      // Member events change the membership; the group shows their time as its last change.
      return before ? { ...before, ...stamped(event) } : undefined;
  }
}

const STATUS_AFTER: Partial<Record<GroupEvent['type'], MembershipStatus>> = {
  MemberJoined: 'member',
  JoinRequested: 'requested',
  JoinRequestDeclined: 'declined',
  MemberLeft: 'left',
};

const timeOf = (data: Record<string, unknown>): string =>
  String(
    data.joinedAt ?? data.requestedAt ?? data.declinedAt ?? data.leftAt ?? data.appointedAt ?? data.removedAt,
  );

/** The key of the membership a member event is about; none for an erased person. */
export function membershipKeyOf(event: ProjectedEvent): string | undefined {
  const memberId = memberIdOf(event);
  if (memberId === null) return undefined;
  const groupId = groupIdOf(event);
  return membershipId(groupId, memberKeyOf(groupId, memberId));
}

/** The person's membership after a member event, within the group as the read model has it. */
export function nextMembership(
  event: ProjectedEvent,
  before: MembershipDocument | undefined,
  group: GroupDocument | undefined,
): MembershipDocument | undefined {
  const memberId = memberIdOf(event);
  if (memberId === null || group === undefined) return undefined;
  const type = event.type as GroupEvent['type'];
  const position = storedPosition(event.position);
  if (type === 'CoordinatorAppointed' || type === 'CoordinatorRemoved') {
    if (before?.status !== 'member') return undefined;
    return { ...before, coordinator: type === 'CoordinatorAppointed', lastPosition: position };
  }
  const status = STATUS_AFTER[type];
  if (status === undefined) return undefined;
  const groupId = group._id;
  const named = typeof event.data.displayName === 'string' ? event.data.displayName : null;
  return {
    _id: membershipId(groupId, memberKeyOf(groupId, memberId)),
    groupId,
    personId: memberId,
    memberKey: memberKeyOf(groupId, memberId),
    // A request's name carries over to the membership it becomes; leaving keeps the name it had.
    displayName: named ?? before?.displayName ?? null,
    status,
    coordinator: false,
    since: timeOf(event.data),
    groupName: group.name,
    regionCode: group.regionCode,
    lastPosition: position,
  };
}
