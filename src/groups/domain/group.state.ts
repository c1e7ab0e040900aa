import { assertNever } from '../../platform/domain/decider';
import { GroupCharter, GroupEvent } from './group.events';

export interface MemberState {
  displayName: string | null;
  coordinator: boolean;
  since: string;
}

export interface JoinRequestState {
  displayName: string | null;
  requestedAt: string;
}

/** What is known from founding or proposal on. Members and requests are keyed by account id. */
export interface GroupFacts extends GroupCharter {
  members: Record<string, MemberState>;
  requests: Record<string, JoinRequestState>;
}

export type NoGroup = { status: 'none' };
/** `proposedBy` is null once the proposer was erased (the event log reads erased fields as null). */
export type ProposedGroup = GroupFacts & {
  status: 'proposed';
  proposedBy: string | null;
  proposerName: string | null;
};
export type ActiveGroup = GroupFacts & { status: 'active' };
export type DissolvedGroup = GroupFacts & { status: 'dissolved'; dissolvedAt: string };

export type GroupState = NoGroup | ProposedGroup | ActiveGroup | DissolvedGroup;
export type ExistingGroup = Exclude<GroupState, NoGroup>;
export type GroupStatus = GroupState['status'];

export const initialState: GroupState = { status: 'none' };

const charterOf = (data: GroupCharter): GroupFacts => ({
  groupId: data.groupId,
  name: data.name,
  description: data.description,
  regionCode: data.regionCode,
  joinPolicy: data.joinPolicy,
  signatureThreshold: data.signatureThreshold,
  members: {},
  requests: {},
});

const without = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const { [key]: _removed, ...rest } = record;
  return rest;
};

/** A member event about an erased person (memberId reads as null) changes nothing: nobody acts as them. */
function member(state: GroupState, event: Extract<GroupEvent, { data: { memberId: string } }>): GroupState {
  if (state.status === 'none' || typeof event.data.memberId !== 'string') return state;
  const { memberId } = event.data;
  const current = Object.hasOwn(state.members, memberId) ? state.members[memberId] : undefined;
  switch (event.type) {
    case 'MemberJoined': {
      const joined = {
        displayName: event.data.displayName ?? null,
        coordinator: false,
        since: event.data.joinedAt,
      };
      const members = { ...state.members, [memberId]: joined };
      return { ...state, members, requests: without(state.requests, memberId) };
    }
    case 'JoinRequested': {
      const request = { displayName: event.data.displayName ?? null, requestedAt: event.data.requestedAt };
      return { ...state, requests: { ...state.requests, [memberId]: request } };
    }
    case 'JoinRequestDeclined':
      return { ...state, requests: without(state.requests, memberId) };
    case 'MemberLeft':
      return { ...state, members: without(state.members, memberId) };
    case 'CoordinatorAppointed':
    case 'CoordinatorRemoved': {
      if (!current) return state;
      const coordinator = event.type === 'CoordinatorAppointed';
      return { ...state, members: { ...state.members, [memberId]: { ...current, coordinator } } };
    }
    default:
      return assertNever(event);
  }
}

// An event that does not fit the state is ignored rather than invented into state (decide never emits one).
export function evolve(state: GroupState, event: GroupEvent): GroupState {
  switch (event.type) {
    case 'GroupFounded':
      return state.status === 'none' ? { ...charterOf(event.data), status: 'active' } : state;
    case 'GroupProposed': {
      if (state.status !== 'none') return state;
      const { proposedBy, proposerName } = event.data;
      return { ...charterOf(event.data), status: 'proposed', proposedBy, proposerName: proposerName ?? null };
    }
    case 'GroupApproved': {
      if (state.status !== 'proposed') return state;
      const { proposedBy: _by, proposerName: _name, ...facts } = state;
      return { ...facts, status: 'active' };
    }
    case 'GroupDissolved':
      return state.status === 'none' || state.status === 'dissolved'
        ? state
        : { ...state, status: 'dissolved', dissolvedAt: event.data.dissolvedAt };
    case 'MemberJoined':
    case 'JoinRequested':
    case 'JoinRequestDeclined':
    case 'MemberLeft':
    case 'CoordinatorAppointed':
    case 'CoordinatorRemoved':
      return member(state, event);
    default:
      return assertNever(event);
  }
}

export const isMember = (state: GroupState, personId: string): boolean =>
  state.status !== 'none' && Object.hasOwn(state.members, personId);

export const isCoordinator = (state: GroupState, personId: string): boolean =>
  state.status !== 'none' && state.members[personId]?.coordinator === true;
