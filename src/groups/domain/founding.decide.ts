import { Actor } from '../../platform/domain/decider';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { boundedText, reasonText } from '../../aspirations/domain/aspiration.guards';
import { facilitatesIn } from '../../aspirations/aspiration-access';
import { ApproveGroup, DissolveGroup, FoundGroup } from './group.commands';
import { groupErrors as errors } from './group.errors';
import { GroupCharter, GroupEvent } from './group.events';
import {
  DEFAULT_SIGNATURE_THRESHOLD,
  DESCRIPTION_MAX,
  existing,
  GROUP_REGION_LEVELS,
  MAX_SIGNATURE_THRESHOLD,
  NAME_MAX,
  NAME_MIN,
} from './group.guards';
import { GroupState } from './group.state';

export interface GroupDeps {
  readonly regions: RegionCatalogue;
}

function validRegion(value: unknown, regions: RegionCatalogue): string {
  if (typeof value !== 'string' || !regions.has(value)) throw errors.unknownRegion();
  const level = regions.level(value);
  if (!(GROUP_REGION_LEVELS as readonly (string | undefined)[]).includes(level)) throw errors.regionLevel();
  return value;
}

function validThreshold(value: unknown): number {
  if (value === undefined) return DEFAULT_SIGNATURE_THRESHOLD;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_SIGNATURE_THRESHOLD)
    throw errors.invalidThreshold(MAX_SIGNATURE_THRESHOLD);
  return value as number;
}

function validCharter(data: FoundGroup['data'], regions: RegionCatalogue): GroupCharter {
  const name = boundedText(data.name, NAME_MIN, NAME_MAX, () =>
    errors.invalidLength('invalid_name', 'name', NAME_MIN, NAME_MAX),
  );
  const description = boundedText(data.description ?? '', 0, DESCRIPTION_MAX, () =>
    errors.invalidLength('invalid_description', 'description', 0, DESCRIPTION_MAX),
  );
  const regionCode = validRegion(data.regionCode, regions);
  if (data.joinPolicy !== 'open' && data.joinPolicy !== 'closed') throw errors.invalidJoinPolicy();
  const signatureThreshold = validThreshold(data.signatureThreshold);
  const { groupId, joinPolicy } = data;
  return { groupId, name, description, regionCode, joinPolicy, signatureThreshold };
}

const requireMayFound = (actor: Actor): void => {
  if (actor.role !== 'facilitator' && actor.role !== 'citizen') throw errors.foundNotAllowed();
};

/** A facilitator founds in their own region; a citizen proposes anywhere, for that region's facilitators. */
export function found(command: FoundGroup, state: GroupState, deps: GroupDeps): GroupEvent[] {
  const { actor, now } = command.metadata;
  requireMayFound(actor);
  if (state.status !== 'none') throw errors.alreadyExists();
  const charter = validCharter(command.data, deps.regions);
  const at = now.toISOString();
  if (actor.role === 'facilitator') {
    if (!facilitatesIn(actor, charter.regionCode))
      throw errors.outsideFacilitatorRegion('found a group here');
    return [{ type: 'GroupFounded', data: { ...charter, foundedAt: at } }];
  }
  const name = command.data.displayName;
  const proposer = name === undefined ? {} : { proposerName: name };
  return [{ type: 'GroupProposed', data: { ...charter, proposedBy: actor.id, ...proposer, proposedAt: at } }];
}

/** Approval makes the proposer the first member and coordinator (unless they were erased meanwhile). */
export function approve(command: ApproveGroup, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  if (actor.role !== 'facilitator') throw errors.facilitatorOnly('approve a group');
  if (!facilitatesIn(actor, group.regionCode)) throw errors.outsideFacilitatorRegion('approve this group');
  if (group.status !== 'proposed') throw errors.invalidTransition('approve', group.status);
  const at = now.toISOString();
  const approved: GroupEvent = { type: 'GroupApproved', data: { approvedAt: at } };
  if (group.proposedBy === null) return [approved];
  const memberId = group.proposedBy;
  const name = group.proposerName === null ? {} : { displayName: group.proposerName };
  return [
    approved,
    { type: 'MemberJoined', data: { memberId, ...name, joinedAt: at } },
    { type: 'CoordinatorAppointed', data: { memberId, appointedAt: at } },
  ];
}

/** Only the region's facilitator dissolves (or, for a proposal, declines) a group; its history stays. */
export function dissolve(command: DissolveGroup, state: GroupState): GroupEvent[] {
  const { actor, now } = command.metadata;
  const group = existing(state, actor);
  if (actor.role !== 'facilitator') throw errors.facilitatorOnly('dissolve a group');
  if (!facilitatesIn(actor, group.regionCode)) throw errors.outsideFacilitatorRegion('dissolve this group');
  if (group.status === 'dissolved') throw errors.invalidTransition('dissolve', group.status);
  const reason = reasonText(command.data.reason);
  return [{ type: 'GroupDissolved', data: { reason, dissolvedAt: now.toISOString() } }];
}
