import { Actor, agencyOfOfficial } from '../../platform/domain/decider';
import { audienceOf, facilitatesIn } from '../aspiration-access';
import { DomainError } from '../../platform/domain/domain-errors';
import { aspirationErrors } from './aspiration.errors';
import {
  AspirationHandling,
  AspirationState,
  AspirationStatus,
  ExistingAspiration,
} from './aspiration.state';

// Checks run in one order everywhere: exists (404), may act (403), status (409), input (400).

/** Exists for this actor: one they may not see answers 404 as in queries, so a command reveals nothing either. */
export function existing(state: AspirationState, actor: Actor): ExistingAspiration {
  if (state.status === 'none' || !seenBy(state, actor)) throw aspirationErrors.notFound();
  return state;
}

// The scheduler acts on deadlines of threads nobody has published yet.
export const seenBy = (state: ExistingAspiration, actor: Actor): boolean =>
  actor.role === 'system' || audienceOf(actor, state) !== undefined;

export function inStatus<S extends ExistingAspiration['status']>(
  state: ExistingAspiration,
  action: string,
  statuses: readonly S[],
): Extract<ExistingAspiration, { status: S }> {
  const allowed = (candidate: ExistingAspiration): candidate is Extract<ExistingAspiration, { status: S }> =>
    (statuses as readonly AspirationStatus[]).includes(candidate.status);
  if (!allowed(state)) throw aspirationErrors.invalidTransition(action, state.status);
  return state;
}

export const isFacilitator = (actor: Actor): boolean => actor.role === 'facilitator';

/** A facilitator of the aspiration's region: any other role is refused, and so is a facilitator elsewhere. */
export function requireFacilitator(actor: Actor, regionCode: string, action: string): void {
  if (!isFacilitator(actor)) throw aspirationErrors.facilitatorOnly(action);
  requireFacilitatorRegion(actor, regionCode, action);
}

/** For an actor already known to be a facilitator: the region must be theirs. */
export function requireFacilitatorRegion(actor: Actor, regionCode: string, action: string): void {
  if (!facilitatesIn(actor, regionCode)) throw aspirationErrors.outsideFacilitatorRegion(action);
}

export function requireSubmitter(state: ExistingAspiration, actor: Actor, action: string): void {
  if (state.submittedBy === null || actor.id !== state.submittedBy)
    throw aspirationErrors.submitterOnly(action);
}

/** Marks what a facilitator relayed for a villager, in the event that records it. */
export const RELAYED = { relayedForVillager: true } as const;

/**
 * Who speaks as the submitter: the submitter themself or, for a villager who is not online, a facilitator of the
 * region relaying their words. Answers whether it is such a relay, which the event records.
 */
export function requireSubmitterVoice(state: ExistingAspiration, actor: Actor, action: string): boolean {
  if (state.forVillager !== true) {
    requireSubmitter(state, actor, action);
    return false;
  }
  if (!isFacilitator(actor)) throw aspirationErrors.relayOnly(action);
  requireFacilitatorRegion(actor, state.regionCode, `${action} for the villager`);
  return true;
}

/** Before the status is known: only a facilitator or some official can possibly act. */
export function requireOfficialOrFacilitator(actor: Actor, action: string): void {
  if (!isFacilitator(actor) && agencyOfOfficial(actor.role) === undefined) {
    throw aspirationErrors.assignedOfficialOrFacilitatorOnly(action);
  }
}

/** Once the status is known: an official must belong to the agency it is with, a facilitator to its region. */
export function requireAssignedOfficialOrFacilitator(
  state: AspirationHandling & { regionCode: string },
  actor: Actor,
  action: string,
): void {
  if (isFacilitator(actor)) return requireFacilitatorRegion(actor, state.regionCode, action);
  if (agencyOfOfficial(actor.role) !== state.agencyId) {
    throw aspirationErrors.assignedOfficialOrFacilitatorOnly(action);
  }
}

/** Trimmed text whose length (in characters, not UTF-16 units) lies within the bounds; else `fail`. */
export function boundedText(value: unknown, min: number, max: number, fail: () => DomainError): string {
  if (typeof value !== 'string') throw fail();
  const text = value.trim();
  const length = [...text].length;
  if (length < min || length > max) throw fail();
  return text;
}

export const REASON_MAX = 1000;
export const TEXT_MAX = 5000;

/** A reason a person gives (reject, forward, reopen, hide): required, up to 1000 characters. */
export const reasonText = (value: unknown): string =>
  boundedText(value, 1, REASON_MAX, () =>
    aspirationErrors.invalidLength('invalid_reason', 'reason', 1, REASON_MAX),
  );

export function newMessageId(state: ExistingAspiration, messageId: string): string {
  if (Object.hasOwn(state.messages, messageId)) throw aspirationErrors.messageAlreadyExists(messageId);
  return messageId;
}

export function agencyIdText(value: unknown, field: 'agencyId' | 'toAgencyId'): string {
  return boundedText(value, 1, 64, () => aspirationErrors.invalidAgencyId(field));
}
