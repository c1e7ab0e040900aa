import { facilitatesIn } from '../../aspirations/aspiration-access';
import { reasonText } from '../../aspirations/domain/aspiration.guards';
import { Actor, agencyOfOfficial } from '../../platform/domain/decider';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { targetRegions } from '../announcement-access';
import { CorrectAnnouncement, PublishAnnouncement, WithdrawAnnouncement } from './announcement.commands';
import { announcementErrors as errors } from './announcement.errors';
import { AnnouncementEvent, AnnouncementTarget } from './announcement.events';
import { existing, MAX_GROUPS, requireManager, requirePublished, validText } from './announcement.guards';
import { AnnouncementState } from './announcement.state';

export interface AnnouncementDeps {
  readonly regions: RegionCatalogue;
}

function validTarget(data: PublishAnnouncement['data'], regions: RegionCatalogue): AnnouncementTarget {
  const groupIds = data.groupIds ?? [];
  const hasRegion = data.regionCode !== undefined && data.regionCode !== null;
  if (hasRegion === groupIds.length > 0) throw errors.oneTarget();
  if (hasRegion) {
    if (typeof data.regionCode !== 'string' || !regions.has(data.regionCode)) throw errors.unknownRegion();
    return { kind: 'region', regionCode: data.regionCode };
  }
  if (groupIds.length > MAX_GROUPS || new Set(groupIds).size !== groupIds.length)
    throw errors.tooManyGroups(MAX_GROUPS);
  const found = data.groups ?? [];
  const groups = groupIds.map((groupId, i) => {
    const group = found[i];
    if (!group || group.groupId !== groupId) throw errors.groupNotFound();
    return group;
  });
  if (groups.some((group) => group.status !== 'active')) throw errors.groupNotActive();
  return { kind: 'groups', groups: groups.map(({ groupId, regionCode }) => ({ groupId, regionCode })) };
}

const requireMayPublish = (actor: Actor): void => {
  if (actor.role !== 'facilitator' && agencyOfOfficial(actor.role) === undefined)
    throw errors.publishNotAllowed();
};

/** An official publishes anywhere for their agency; a facilitator only within their own region. */
export function publish(
  command: PublishAnnouncement,
  state: AnnouncementState,
  deps: AnnouncementDeps,
): AnnouncementEvent[] {
  const { actor, now } = command.metadata;
  requireMayPublish(actor);
  if (state.status !== 'none') throw errors.alreadyExists();
  const target = validTarget(command.data, deps.regions);
  if (actor.role === 'facilitator' && !targetRegions(target).every((code) => facilitatesIn(actor, code)))
    throw errors.outsideFacilitatorRegion();
  const text = validText(command.data);
  const publisher = { agencyId: agencyOfOfficial(actor.role) ?? null };
  const { announcementId } = command.data;
  return [
    {
      type: 'AnnouncementPublished',
      data: { announcementId, ...text, target, publisher, publishedAt: now.toISOString() },
    },
  ];
}

/** A new version of the text; the earlier ones stay. */
export function correct(command: CorrectAnnouncement, state: AnnouncementState): AnnouncementEvent[] {
  const { actor, now } = command.metadata;
  const announcement = existing(state);
  requireManager(announcement, actor, 'correct it');
  requirePublished(announcement);
  const text = validText(command.data);
  const version = announcement.version + 1;
  return [{ type: 'AnnouncementCorrected', data: { version, ...text, correctedAt: now.toISOString() } }];
}

export function withdraw(command: WithdrawAnnouncement, state: AnnouncementState): AnnouncementEvent[] {
  const { actor, now } = command.metadata;
  const announcement = existing(state);
  requireManager(announcement, actor, 'withdraw it');
  requirePublished(announcement);
  const reason = reasonText(command.data.reason);
  return [{ type: 'AnnouncementWithdrawn', data: { reason, withdrawnAt: now.toISOString() } }];
}
