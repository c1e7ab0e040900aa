import { Actor, agencyOfOfficial } from '../platform/domain/decider';
import { regionCovers } from '../platform/domain/region-codes';
import { AspirationStatus } from './domain/aspiration.state';
import { Visibility } from './domain/aspiration.events';

/**
 * Whom a view is for. Each audience sees a fixed redaction of the same thread, so a payload can be computed
 * once per audience, never per person.
 */
export type Audience = 'submitter' | 'facilitator' | 'auditor' | 'agency' | 'public';

/**
 * Whether the actor is a facilitator of that region: one bound to a region covers it and every region below it;
 * one without a region (provincial Diskominfo moderators) covers every region. Elsewhere a facilitator is no
 * facilitator at all: they see and act as the public does.
 */
export const facilitatesIn = (actor: Actor | undefined, regionCode: string): boolean =>
  actor?.role === 'facilitator' &&
  (actor.regionCode === undefined || regionCovers(actor.regionCode, regionCode));

/**
 * Who may see an aspiration, and as which audience; undefined when the viewer may not see it at all.
 * Nothing is public before a facilitator verifies it; confidential and rejected ones never are.
 */
export function audienceOf(viewer: Actor | undefined, thread: AudienceFacts): Audience | undefined {
  if (thread.status === 'none') return undefined;
  if (viewer && thread.submittedBy !== null && viewer.id === thread.submittedBy) return 'submitter';
  if (facilitatesIn(viewer, thread.regionCode)) return 'facilitator';
  if (viewer?.role === 'auditor') return 'auditor';
  const assigned = 'agencyId' in thread ? thread.agencyId : undefined;
  if (viewer && assigned !== undefined && agencyOfOfficial(viewer.role) === assigned) return 'agency';
  return isPublished(thread) ? 'public' : undefined;
}

/** What decides who sees a thread: the same in the write model's state and in the read models. */
export type AudienceFacts =
  | { status: 'none' }
  | {
      status: Exclude<AspirationStatus, 'none'>;
      submittedBy: string | null;
      visibility: Visibility;
      regionCode: string;
      agencyId?: string;
    };

/** Verified and not confidential: anyone may read it. Rejected ones never are. */
export const isPublished = (thread: { status: string; visibility?: Visibility }): boolean =>
  thread.status !== 'none' &&
  thread.status !== 'submitted' &&
  thread.status !== 'rejected' &&
  thread.visibility === 'public';

/** An anonymous submitter is known to nobody but themselves; a named one to everyone who sees the thread. */
export const seesSubmitter = (audience: Audience, anonymous: boolean): boolean =>
  !anonymous || audience === 'submitter';

/** The villager a facilitator spoke for: their name and contact stay with the people handling the case. */
export const seesVillager = (audience: Audience, anonymous: boolean): boolean =>
  audience === 'submitter' || (!anonymous && audience !== 'public');

/** Moderators and auditors still read what was hidden; everyone else sees that it was hidden, and why. */
export const seesHiddenContent = (audience: Audience): boolean =>
  audience === 'facilitator' || audience === 'auditor';
