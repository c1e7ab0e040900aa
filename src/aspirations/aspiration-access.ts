import { Actor, agencyOfOfficial } from '../platform/domain/decider';
import { AspirationState } from './domain/aspiration.state';

/**
 * Whom a view is for. Each audience sees a fixed redaction of the same thread, so a payload can be computed
 * once per audience, never per person.
 */
export type Audience = 'submitter' | 'facilitator' | 'auditor' | 'agency' | 'public';

/**
 * Who may see an aspiration, and as which audience; undefined when the viewer may not see it at all.
 * Nothing is public before a facilitator verifies it; confidential and rejected ones never are.
 */
export function audienceOf(viewer: Actor | undefined, state: AspirationState): Audience | undefined {
  if (state.status === 'none') return undefined;
  if (viewer && state.submittedBy !== null && viewer.id === state.submittedBy) return 'submitter';
  if (viewer?.role === 'facilitator') return 'facilitator';
  if (viewer?.role === 'auditor') return 'auditor';
  const assigned = 'agencyId' in state ? state.agencyId : undefined;
  if (viewer && assigned !== undefined && agencyOfOfficial(viewer.role) === assigned) return 'agency';
  const published =
    state.status !== 'submitted' && state.status !== 'rejected' && state.visibility === 'public';
  return published ? 'public' : undefined;
}

/** An anonymous submitter is known to nobody but themselves; a named one to everyone who sees the thread. */
export const seesSubmitter = (audience: Audience, anonymous: boolean): boolean =>
  !anonymous || audience === 'submitter';

/** The villager a facilitator spoke for: their name and contact stay with the people handling the case. */
export const seesVillager = (audience: Audience, anonymous: boolean): boolean =>
  audience === 'submitter' || (!anonymous && audience !== 'public');

/** Moderators and auditors still read what was hidden; everyone else sees that it was hidden, and why. */
export const seesHiddenContent = (audience: Audience): boolean =>
  audience === 'facilitator' || audience === 'auditor';
