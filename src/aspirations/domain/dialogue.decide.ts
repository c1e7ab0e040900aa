import { agencyOfOfficial } from '../../platform/domain/decider';
import {
  ForwardAspiration,
  HideMessage,
  ReplyToAspiration,
  RespondToAspiration,
} from './aspiration.commands';
import { AspirationDeps, dueAfter } from './aspiration.deadlines';
import { aspirationErrors as errors } from './aspiration.errors';
import { AspirationEvent } from './aspiration.events';
import {
  agencyIdText,
  boundedText,
  existing,
  inStatus,
  newMessageId,
  reasonText,
  requireAssignedOfficialOrFacilitator,
  requireFacilitator,
  requireOfficialOrFacilitator,
  requireSubmitterVoice,
  RELAYED,
  TEXT_MAX,
} from './aspiration.guards';
import { AspirationState } from './aspiration.state';

const messageBody = (value: unknown): string =>
  boundedText(value, 1, TEXT_MAX, () => errors.invalidLength('invalid_body', 'body', 1, TEXT_MAX));

export function forward(
  command: ForwardAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const action = 'forward an aspiration';
  const aspiration = existing(state, command.metadata.actor);
  requireOfficialOrFacilitator(actor, action);
  const current = inStatus(aspiration, 'forward', ['in_progress']);
  requireAssignedOfficialOrFacilitator(current, actor, action);
  const toAgencyId = agencyIdText(command.data.toAgencyId, 'toAgencyId');
  if (toAgencyId === current.agencyId) throw errors.sameAgency();
  const reason = reasonText(command.data.reason);
  const followUpDueAt = dueAfter(deps, now, 'followUpDays', current.regionCode);
  const data = {
    fromAgencyId: current.agencyId,
    toAgencyId,
    reason,
    forwardedAt: now.toISOString(),
    followUpDueAt,
  };
  return [{ type: 'AspirationForwarded', data }];
}

export function respond(
  command: RespondToAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  const officialOf = agencyOfOfficial(actor.role);
  if (officialOf === undefined) throw errors.assignedOfficialOnly('respond');
  const current = inStatus(aspiration, 'respond to', ['in_progress']);
  if (officialOf !== current.agencyId) throw errors.assignedOfficialOnly('respond');
  const messageId = newMessageId(current, command.data.messageId);
  const body = messageBody(command.data.body);
  const autoCloseDueAt = dueAfter(deps, now, 'autoCloseDays', current.regionCode);
  const data = {
    messageId,
    body,
    agencyId: current.agencyId,
    respondedAt: now.toISOString(),
    autoCloseDueAt,
  };
  return [{ type: 'OfficialResponded', data }];
}

export function reply(command: ReplyToAspiration, state: AspirationState): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  const relayed = requireSubmitterVoice(aspiration, actor, 'reply');
  const current = inStatus(aspiration, 'reply to', ['in_progress']);
  const messageId = newMessageId(current, command.data.messageId);
  const body = messageBody(command.data.body);
  const data = { messageId, body, repliedAt: now.toISOString(), ...(relayed && RELAYED) };
  return [{ type: 'CitizenReplied', data }];
}

// Moderation works in every status: abuse can surface before verification as well as after closing.
export function hideMessage(command: HideMessage, state: AspirationState): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const { messageId } = command.data;
  const aspiration = existing(state, command.metadata.actor);
  requireFacilitator(actor, aspiration.regionCode, 'hide a message');
  if (!Object.hasOwn(aspiration.messages, messageId)) throw errors.messageNotFound(messageId);
  if (aspiration.messages[messageId].hidden) throw errors.messageAlreadyHidden(messageId);
  const reason = reasonText(command.data.reason);
  return [{ type: 'MessageHidden', data: { messageId, reason, hiddenAt: now.toISOString() } }];
}
