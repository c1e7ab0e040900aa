import { EscalateAspiration } from './aspiration.commands';
import { AspirationDeps, dueAfter, hasPassed } from './aspiration.deadlines';
import { aspirationErrors as errors } from './aspiration.errors';
import { AspirationEvent } from './aspiration.events';
import { agencyIdText, existing, inStatus, requireFacilitatorRegion } from './aspiration.guards';
import { ExistingAspiration, AspirationState } from './aspiration.state';

function requireMissed(now: Date, dueAt: string, alreadyEscalated: string | undefined): void {
  if (!hasPassed(now, dueAt)) throw errors.deadlineNotPassed(dueAt);
  if (alreadyEscalated === dueAt) throw errors.alreadyEscalated(dueAt);
}

// Verification is the facilitators' own task, so a missed one goes to them, never to an agency.
function escalateVerification(
  aspiration: ExistingAspiration,
  command: EscalateAspiration,
): AspirationEvent[] {
  const { now } = command.metadata;
  const submitted = inStatus(aspiration, 'escalate the verification of', ['submitted']);
  if (command.data.toAgencyId !== null) throw errors.verificationTargetNotAllowed();
  requireMissed(now, submitted.verificationDueAt, submitted.escalatedDeadlines.verification);
  const data = { stage: 'verification', toAgencyId: null, escalatedAt: now.toISOString() } as const;
  return [{ type: 'AspirationEscalated', data }];
}

// A parent agency takes over with a fresh deadline; without one, only the facilitators are alerted.
function escalateResponse(
  aspiration: ExistingAspiration,
  command: EscalateAspiration,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { now } = command.metadata;
  const current = inStatus(aspiration, 'escalate the response to', ['in_progress']);
  if (current.followUpDueAt === null) throw errors.alreadyResponded();
  requireMissed(now, current.followUpDueAt, current.escalatedDeadlines.response);
  const escalation = {
    stage: 'response',
    fromAgencyId: current.agencyId,
    escalatedAt: now.toISOString(),
  } as const;
  if (command.data.toAgencyId === null)
    return [{ type: 'AspirationEscalated', data: { ...escalation, toAgencyId: null } }];
  const toAgencyId = agencyIdText(command.data.toAgencyId, 'toAgencyId');
  if (toAgencyId === current.agencyId) throw errors.sameAgency();
  const followUpDueAt = dueAfter(deps, now, 'followUpDays', current.regionCode);
  return [{ type: 'AspirationEscalated', data: { ...escalation, toAgencyId, followUpDueAt } }];
}

export function escalate(
  command: EscalateAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  if (actor.role !== 'system' && actor.role !== 'facilitator') {
    throw errors.systemOrFacilitatorOnly('escalate an aspiration');
  }
  if (actor.role === 'facilitator')
    requireFacilitatorRegion(actor, aspiration.regionCode, 'escalate an aspiration');
  switch (command.data.stage) {
    case 'verification':
      return escalateVerification(aspiration, command);
    case 'response':
      return escalateResponse(aspiration, command, deps);
    default:
      throw errors.invalidStage();
  }
}
