import { facilitatesIn } from '../aspirations/aspiration-access';
import { Actor, agencyOfOfficial } from '../platform/domain/decider';
import { AnnouncementTarget, Publisher } from './domain/announcement.events';

// Pure rules, the same in the write model's state and in the read models.

/** The regions an announcement concerns: its region, or each targeted group's region. */
export const targetRegions = (target: AnnouncementTarget): string[] =>
  target.kind === 'region' ? [target.regionCode] : target.groups.map((group) => group.regionCode);

/** Who corrects, withdraws and answers: the publishing agency's officials, or a facilitator of every region it concerns. */
export function managesAnnouncement(
  actor: Actor | undefined,
  facts: { target: AnnouncementTarget; publisher: Publisher },
): boolean {
  if (!actor) return false;
  const agency = agencyOfOfficial(actor.role);
  if (agency !== undefined) return agency === facts.publisher.agencyId;
  return targetRegions(facts.target).every((regionCode) => facilitatesIn(actor, regionCode));
}

/**
 * Region announcements are public. A group one is for the groups' members, the facilitators of their regions, the
 * publishing agency and auditors; `isMember` tells whether the viewer belongs to a targeted group.
 */
export function seesAnnouncement(
  viewer: Actor | undefined,
  facts: { target: AnnouncementTarget; publisher: Publisher },
  isMember: (groupId: string) => boolean,
): boolean {
  const { target } = facts;
  if (target.kind === 'region') return true;
  if (!viewer) return false;
  if (viewer.role === 'auditor') return true;
  if (agencyOfOfficial(viewer.role) !== undefined)
    return agencyOfOfficial(viewer.role) === facts.publisher.agencyId;
  if (target.groups.some((group) => facilitatesIn(viewer, group.regionCode))) return true;
  return viewer.role === 'citizen' && target.groups.some((group) => isMember(group.groupId));
}

/** Staff see an asker's display name; everyone else sees "warga". */
export const seesAskerNames = (viewer: Actor | undefined): boolean =>
  viewer !== undefined && viewer.role !== 'citizen';
