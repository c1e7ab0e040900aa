import { Actor } from '../../platform/domain/decider';
import { GroupStanding, seesGroup, standingOf } from '../group-access';
import { groupErrors } from './group.errors';
import { memberKeyOf } from './group.streams';
import { ExistingGroup, GroupState, isCoordinator, isMember } from './group.state';

// Checks run in one order everywhere: exists (404), may act (403), status (409), input (400).

/** Exists for this actor: a proposal they may not see answers 404 as in queries, so a command reveals nothing. */
export function existing(state: GroupState, actor: Actor): ExistingGroup {
  if (state.status === 'none' || !seesGroup(actor, accessFacts(state))) throw groupErrors.notFound();
  return state;
}

export const accessFacts = (state: ExistingGroup) => ({
  status: state.status,
  regionCode: state.regionCode,
  proposedBy: state.status === 'proposed' ? state.proposedBy : null,
});

export function standing(state: ExistingGroup, actor: Actor): GroupStanding {
  const own = { member: isMember(state, actor.id), coordinator: isCoordinator(state, actor.id) };
  return standingOf(actor, accessFacts(state), own);
}

/** Joins, drafts and reports need a group that is neither a proposal nor dissolved. */
export function requireActive(state: ExistingGroup): void {
  if (state.status !== 'active') throw groupErrors.notActive(state.status);
}

/** The person a member key names among `people` (members or join requests), if any. */
export function personWithKey(
  state: ExistingGroup,
  people: Record<string, unknown>,
  memberKey: string,
): string | undefined {
  return Object.keys(people).find((personId) => memberKeyOf(state.groupId, personId) === memberKey);
}

export const NAME_MIN = 3;
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 1000;
export const DEFAULT_SIGNATURE_THRESHOLD = 3;
export const MAX_SIGNATURE_THRESHOLD = 100;
export const GROUP_REGION_LEVELS = ['district', 'village'] as const;
