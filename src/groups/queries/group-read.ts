import { Actor } from '../../platform/domain/decider';
import { notFound } from '../../platform/domain/domain-errors';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { GroupStanding, seesGroup, standingOf } from '../group-access';
import { memberKeyOf } from '../domain/group.streams';
import {
  GROUP_MEMBERSHIPS,
  GroupDocument,
  GROUPS,
  GROUPS_PROJECTION,
  membershipId,
  MembershipDocument,
} from '../read-models/group.document';
import { OwnStanding } from '../read-models/group-views';

/** Waits for the groups read model to reach the client's position; answers with the position it reflects. */
export async function groupsPosition(
  readModels: ReadModels,
  minPosition: string | undefined,
): Promise<string> {
  const wanted = minPosition === undefined ? undefined : parsePosition(minPosition);
  return positionToString(await readModels.reached(GROUPS_PROJECTION, wanted));
}

export const groupsCollection = (readModels: ReadModels, collection: string) =>
  readModels.collection(GROUPS_PROJECTION, collection);

/** A group the viewer may see, with where they stand towards it; 404 alike for absent and unseen. */
export interface VisibleGroup {
  readonly group: GroupDocument;
  readonly standing: GroupStanding;
  readonly own: MembershipDocument | undefined;
}

export async function visibleGroup(
  readModels: ReadModels,
  groupId: string,
  viewer: Actor | undefined,
): Promise<VisibleGroup> {
  const groups = await groupsCollection(readModels, GROUPS);
  const group = await readModels.documents.findOne<GroupDocument>(groups, { _id: groupId });
  if (!group || !seesGroup(viewer, group)) throw notFound('group_not_found', `No group ${groupId}`);
  const own = viewer ? await ownMembership(readModels, groupId, viewer.id) : undefined;
  const member = own?.status === 'member';
  return {
    group,
    own,
    standing: standingOf(viewer, group, { member, coordinator: member && own.coordinator }),
  };
}

async function ownMembership(readModels: ReadModels, groupId: string, personId: string) {
  const memberships = await groupsCollection(readModels, GROUP_MEMBERSHIPS);
  const id = membershipId(groupId, memberKeyOf(groupId, personId));
  return readModels.documents.findOne<MembershipDocument>(memberships, { _id: id });
}

export async function memberCount(readModels: ReadModels, groupId: string): Promise<number> {
  const memberships = await groupsCollection(readModels, GROUP_MEMBERSHIPS);
  return readModels.documents.count(memberships, { groupId, status: 'member' });
}

/** The caller's own standing, as the group's detail tells them. */
export function ownStanding({ standing, own }: VisibleGroup): OwnStanding {
  const membership =
    standing === 'coordinator' || standing === 'member'
      ? standing
      : own?.status === 'requested'
        ? 'requested'
        : 'none';
  const memberKey = membership === 'none' ? null : own!.memberKey;
  return { membership, memberKey, insider: standing !== 'outsider' };
}
