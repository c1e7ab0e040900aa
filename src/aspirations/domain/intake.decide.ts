import { Actor } from '../../platform/domain/decider';
import { RegionCatalogue } from '../../regions/region-catalogue';
import { isCategory } from './categories';
import {
  AssignAspiration,
  RejectAspiration,
  SubmitAspiration,
  VerifyAspiration,
} from './aspiration.commands';
import { AspirationDeps, dueAfter } from './aspiration.deadlines';
import { aspirationErrors as errors } from './aspiration.errors';
import { AspirationEvent, AspirationSubmitted, GroupSubmission, OnBehalfOf } from './aspiration.events';
import {
  agencyIdText,
  boundedText,
  existing,
  inStatus,
  reasonText,
  requireFacilitator,
  requireFacilitatorRegion,
  TEXT_MAX,
} from './aspiration.guards';
import { AspirationState } from './aspiration.state';

type Submission = Omit<
  AspirationSubmitted['data'],
  'aspirationId' | 'messageId' | 'submittedBy' | 'submittedAt' | 'verificationDueAt'
>;

function requireMaySubmit(actor: Actor, onBehalfOf: unknown): void {
  if (actor.role === 'facilitator') return;
  if (actor.role !== 'citizen') throw errors.submitNotAllowed();
  if (onBehalfOf !== undefined && onBehalfOf !== null) throw errors.onBehalfOfNotAllowed();
}

// Citizens naming someone were refused already; a facilitator always speaks for a named villager.
function validOnBehalfOf(value: Partial<OnBehalfOf> | undefined, actor: Actor): OnBehalfOf | undefined {
  if (actor.role !== 'facilitator') return undefined;
  if (typeof value !== 'object' || value === null) throw errors.onBehalfOfRequired();
  const lengthError = (field: 'name' | 'contact') => () =>
    errors.invalidLength(`invalid_on_behalf_of_${field}`, `onBehalfOf.${field}`, 1, 200);
  const name = boundedText(value.name, 1, 200, lengthError('name'));
  if (value.contact === undefined) return { name };
  return { name, contact: boundedText(value.contact, 1, 200, lengthError('contact')) };
}

/** What the platform adds for a group (src/groups fills it in after its own checks): kept as given, when given. */
function groupSubmission(data: SubmitAspiration['data']): GroupSubmission {
  const { groupName, groupSignatures, groupDraftId, monitoringReportId } = data;
  if (groupSignatures !== undefined && (!Number.isInteger(groupSignatures) || groupSignatures < 1))
    throw new Error(`A group submission needs a whole number of signatures, not ${groupSignatures}`);
  return {
    ...(groupName !== undefined && { groupName }),
    ...(groupSignatures !== undefined && { groupSignatures }),
    ...(groupDraftId !== undefined && { groupDraftId }),
    ...(monitoringReportId !== undefined && { monitoringReportId }),
  };
}

function validSubmission(data: SubmitAspiration['data'], actor: Actor, regions: RegionCatalogue): Submission {
  const title = boundedText(data.title, 5, 150, () => errors.invalidLength('invalid_title', 'title', 5, 150));
  const body = boundedText(data.body, 10, TEXT_MAX, () =>
    errors.invalidLength('invalid_body', 'body', 10, TEXT_MAX),
  );
  const { category, regionCode, visibility, anonymous, groupId } = data;
  if (typeof category !== 'string' || !isCategory(category)) throw errors.unknownCategory();
  if (typeof regionCode !== 'string' || !regions.has(regionCode)) throw errors.unknownRegion();
  if (visibility !== 'public' && visibility !== 'confidential') throw errors.invalidVisibility();
  if (typeof anonymous !== 'boolean') throw errors.invalidAnonymous();
  // The handler checks that the group exists; here it only has to be a plausible id.
  const group =
    groupId === undefined
      ? undefined
      : boundedText(groupId, 1, 64, () => errors.invalidLength('invalid_group_id', 'groupId', 1, 64));
  const onBehalfOf = validOnBehalfOf(data.onBehalfOf, actor);
  const forGroup = group === undefined ? {} : groupSubmission(data);
  return {
    title,
    body,
    category,
    regionCode,
    visibility,
    anonymous,
    ...(group !== undefined && { groupId: group, ...forGroup }),
    ...(onBehalfOf !== undefined && { onBehalfOf }),
  };
}

export function submit(
  command: SubmitAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const { aspirationId, messageId } = command.data;
  requireMaySubmit(actor, command.data.onBehalfOf);
  if (state.status !== 'none') throw errors.alreadySubmitted();
  const submission = validSubmission(command.data, actor, deps.regions);
  // A facilitator bound to a region speaks only for villagers of that region.
  if (actor.role === 'facilitator')
    requireFacilitatorRegion(actor, submission.regionCode, 'submit on behalf of a villager of this region');
  const verificationDueAt = dueAfter(deps, now, 'verificationDays', submission.regionCode);
  const data = {
    aspirationId,
    messageId,
    ...submission,
    submittedBy: actor.id,
    submittedAt: now.toISOString(),
  };
  return [{ type: 'AspirationSubmitted', data: { ...data, verificationDueAt } }];
}

export function verify(command: VerifyAspiration, state: AspirationState): AspirationEvent[] {
  const aspiration = existing(state, command.metadata.actor);
  requireFacilitator(command.metadata.actor, aspiration.regionCode, 'verify an aspiration');
  inStatus(aspiration, 'verify', ['submitted']);
  return [{ type: 'AspirationVerified', data: { verifiedAt: command.metadata.now.toISOString() } }];
}

export function reject(command: RejectAspiration, state: AspirationState): AspirationEvent[] {
  const aspiration = existing(state, command.metadata.actor);
  requireFacilitator(command.metadata.actor, aspiration.regionCode, 'reject an aspiration');
  inStatus(aspiration, 'reject', ['submitted']);
  const reason = reasonText(command.data.reason);
  return [{ type: 'AspirationRejected', data: { reason, rejectedAt: command.metadata.now.toISOString() } }];
}

// The handler checks that the agency exists before deciding; here it only has to be named.
export function assign(
  command: AssignAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { now, actor } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  requireFacilitator(actor, aspiration.regionCode, 'assign an aspiration');
  inStatus(aspiration, 'assign', ['verified']);
  const agencyId = agencyIdText(command.data.agencyId, 'agencyId');
  const followUpDueAt = dueAfter(deps, now, 'followUpDays', aspiration.regionCode);
  return [{ type: 'AspirationAssigned', data: { agencyId, assignedAt: now.toISOString(), followUpDueAt } }];
}
