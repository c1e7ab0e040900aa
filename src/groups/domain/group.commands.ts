import { Command } from '../../platform/domain/decider';
import { JoinPolicy } from './group.events';

// The group's id is minted by the handler (from actor and Idempotency-Key); names come from the person's account.

/** A facilitator of the region founds the group; a citizen proposes it for a facilitator to approve. */
export type FoundGroup = Command<
  'FoundGroup',
  {
    groupId: string;
    name: string;
    description?: string;
    regionCode: string;
    joinPolicy: JoinPolicy;
    signatureThreshold?: number;
    /** The proposing citizen's display name, from their account. */
    displayName?: string;
  }
>;

export type ApproveGroup = Command<'ApproveGroup', Record<string, never>>;

/** The joining citizen is the actor; their display name comes from their account. */
export type JoinGroup = Command<'JoinGroup', { displayName?: string }>;

export type LeaveGroup = Command<'LeaveGroup', Record<string, never>>;

/** `memberKey`: the member as the group's member list names them (memberKeyOf), never their account id. */
export type ApproveJoinRequest = Command<'ApproveJoinRequest', { memberKey: string }>;

export type DeclineJoinRequest = Command<'DeclineJoinRequest', { memberKey: string }>;

export type AppointCoordinator = Command<'AppointCoordinator', { memberKey: string }>;

export type RemoveCoordinator = Command<'RemoveCoordinator', { memberKey: string }>;

export type DissolveGroup = Command<'DissolveGroup', { reason: string }>;

export type GroupCommand =
  | FoundGroup
  | ApproveGroup
  | JoinGroup
  | LeaveGroup
  | ApproveJoinRequest
  | DeclineJoinRequest
  | AppointCoordinator
  | RemoveCoordinator
  | DissolveGroup;
