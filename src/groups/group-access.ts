import { facilitatesIn } from '../aspirations/aspiration-access';
import { Actor } from '../platform/domain/decider';

/**
 * Where a viewer stands towards a group. Insiders (its members and the facilitators of its region) read its member
 * names, drafts and monitoring reports and follow its live topic; everyone else sees what the public does.
 */
export type GroupStanding = 'coordinator' | 'member' | 'facilitator' | 'outsider';

/** What decides access, the same in the write model's state and in the read models. */
export interface GroupAccessFacts {
  readonly status: 'proposed' | 'active' | 'dissolved';
  readonly regionCode: string;
  /** The proposing citizen while the group is a proposal; null otherwise (or once they were erased). */
  readonly proposedBy: string | null;
}

/** A member's facts about themselves, when the viewer is one. */
export interface OwnMembership {
  readonly member: boolean;
  readonly coordinator: boolean;
}

/** Active and dissolved groups are public; a proposal only to its proposer and the region's facilitators. */
export function seesGroup(viewer: Actor | undefined, group: GroupAccessFacts): boolean {
  if (group.status !== 'proposed') return true;
  return facilitatesIn(viewer, group.regionCode) || (viewer !== undefined && viewer.id === group.proposedBy);
}

export function standingOf(
  viewer: Actor | undefined,
  group: GroupAccessFacts,
  own: OwnMembership | undefined,
): GroupStanding {
  if (viewer?.role === 'citizen' && own?.member) return own.coordinator ? 'coordinator' : 'member';
  return facilitatesIn(viewer, group.regionCode) ? 'facilitator' : 'outsider';
}

export const isInsider = (standing: GroupStanding): boolean => standing !== 'outsider';

/** Who may approve join requests and appoint or remove coordinators: a coordinator, or the region's facilitator. */
export const leads = (standing: GroupStanding): boolean =>
  standing === 'coordinator' || standing === 'facilitator';
