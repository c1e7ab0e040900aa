import { leads } from '../group-access';
import { AppointCoordinator, RemoveCoordinator } from './group.commands';
import { groupErrors as errors } from './group.errors';
import { GroupEvent } from './group.events';
import { existing, personWithKey, requireActive, standing } from './group.guards';
import { ExistingGroup, GroupState } from './group.state';
import { Actor } from '../../platform/domain/decider';

function memberNamed(group: ExistingGroup, actor: Actor, memberKey: string, action: string): string {
  if (!leads(standing(group, actor))) throw errors.leadsOnly(action);
  requireActive(group);
  const memberId = personWithKey(group, group.members, memberKey);
  if (memberId === undefined) throw errors.memberNotFound();
  return memberId;
}

/** A coordinator or the region's facilitator appoints another member (or themselves, as a member) coordinator. */
export function appoint(command: AppointCoordinator, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  const memberId = memberNamed(group, actor, command.data.memberKey, 'appoint a coordinator');
  if (group.members[memberId].coordinator) throw errors.alreadyCoordinator();
  return [{ type: 'CoordinatorAppointed', data: { memberId, appointedAt: now.toISOString() } }];
}

/** Removing a coordinator leaves them a member; a coordinator may step down the same way. */
export function removeCoordinator(command: RemoveCoordinator, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  const memberId = memberNamed(group, actor, command.data.memberKey, 'remove a coordinator');
  if (!group.members[memberId].coordinator) throw errors.notCoordinator();
  return [{ type: 'CoordinatorRemoved', data: { memberId, removedAt: now.toISOString() } }];
}
