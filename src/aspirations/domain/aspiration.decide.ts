import { assertNever } from '../../platform/domain/decider';
import { AspirationCommand } from './aspiration.commands';
import { AspirationDeps } from './aspiration.deadlines';
import { AspirationEvent } from './aspiration.events';
import { AspirationState } from './aspiration.state';
import { forward, hideMessage, reply, respond } from './dialogue.decide';
import { escalate } from './escalation.decide';
import { assign, reject, submit, verify } from './intake.decide';
import { close, rate, reopen, resolve } from './outcome.decide';
import { remind } from './reminder.decide';

/** Returns the events a command causes, or throws a DomainError (nothing is written then). */
export function decide(
  command: AspirationCommand,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  switch (command.type) {
    case 'SubmitAspiration':
      return submit(command, state, deps);
    case 'VerifyAspiration':
      return verify(command, state);
    case 'RejectAspiration':
      return reject(command, state);
    case 'AssignAspiration':
      return assign(command, state, deps);
    case 'ForwardAspiration':
      return forward(command, state, deps);
    case 'RespondToAspiration':
      return respond(command, state, deps);
    case 'ReplyToAspiration':
      return reply(command, state);
    case 'ResolveAspiration':
      return resolve(command, state, deps);
    case 'RateAspiration':
      return rate(command, state);
    case 'ReopenAspiration':
      return reopen(command, state, deps);
    case 'CloseAspiration':
      return close(command, state, deps);
    case 'HideMessage':
      return hideMessage(command, state);
    case 'EscalateAspiration':
      return escalate(command, state, deps);
    case 'RemindOfDeadline':
      return remind(command, state);
    default:
      return assertNever(command);
  }
}
