import { Actor } from '../../platform/domain/decider';
import { leads } from '../group-access';
import { ApproveJoinRequest, DeclineJoinRequest, JoinGroup, LeaveGroup } from './group.commands';
import { groupErrors as errors } from './group.errors';
import { GroupEvent } from './group.events';
import { existing, personWithKey, requireActive, standing } from './group.guards';
import { ExistingGroup, GroupState, isMember } from './group.state';

const requireCitizen = (actor: Actor, action: string): void => {
  if (actor.role !== 'citizen') throw errors.citizenOnly(action);
};

/** Members are citizens: an open group takes them at once, a closed one records the request. */
export function join(command: JoinGroup, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  requireCitizen(actor, 'join a group');
  requireActive(group);
  if (isMember(group, actor.id)) throw errors.alreadyMember();
  if (Object.hasOwn(group.requests, actor.id)) throw errors.alreadyRequested();
  const at = now.toISOString();
  const name = command.data.displayName === undefined ? {} : { displayName: command.data.displayName };
  return group.joinPolicy === 'open'
    ? [{ type: 'MemberJoined', data: { memberId: actor.id, ...name, joinedAt: at } }]
    : [{ type: 'JoinRequested', data: { memberId: actor.id, ...name, requestedAt: at } }];
}

/** A member leaves (a coordinator's office goes with them); a pending request is withdrawn the same way. */
export function leave(command: LeaveGroup, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  requireCitizen(actor, 'leave a group');
  requireActive(group);
  const at = now.toISOString();
  if (Object.hasOwn(group.requests, actor.id))
    return [{ type: 'JoinRequestDeclined', data: { memberId: actor.id, declinedAt: at } }];
  if (!isMember(group, actor.id)) throw errors.notMember();
  return [{ type: 'MemberLeft', data: { memberId: actor.id, leftAt: at } }];
}

function pendingRequest(group: ExistingGroup, actor: Actor, memberKey: string, action: string): string {
  if (!leads(standing(group, actor))) throw errors.leadsOnly(action);
  requireActive(group);
  const personId = personWithKey(group, group.requests, memberKey);
  if (personId === undefined) throw errors.joinRequestNotFound();
  return personId;
}

export function approveJoin(command: ApproveJoinRequest, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  const memberId = pendingRequest(group, actor, command.data.memberKey, 'approve a join request');
  const { displayName } = group.requests[memberId];
  const name = displayName === null ? {} : { displayName };
  return [{ type: 'MemberJoined', data: { memberId, ...name, joinedAt: now.toISOString(), approved: true } }];
}

export function declineJoin(command: DeclineJoinRequest, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  const memberId = pendingRequest(group, actor, command.data.memberKey, 'decline a join request');
  return [{ type: 'JoinRequestDeclined', data: { memberId, declinedAt: now.toISOString() } }];
}
