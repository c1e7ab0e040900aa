import { assertNever, Decider } from '../../platform/domain/decider';
import { AnnouncementCommand } from './announcement.commands';
import { AnnouncementEvent } from './announcement.events';
import { AnnouncementState, evolve, initialState } from './announcement.state';
import { AnnouncementDeps, correct, publish, withdraw } from './publishing.decide';
import { answer, ask } from './questions.decide';

export type { AnnouncementDeps } from './publishing.decide';
export type AnnouncementDecider = Decider<AnnouncementCommand, AnnouncementEvent, AnnouncementState>;

/** Returns the events a command causes, or throws a DomainError (nothing is written then). */
export function decide(
  command: AnnouncementCommand,
  state: AnnouncementState,
  deps: AnnouncementDeps,
): AnnouncementEvent[] {
  switch (command.type) {
    case 'PublishAnnouncement':
      return publish(command, state, deps);
    case 'CorrectAnnouncement':
      return correct(command, state);
    case 'WithdrawAnnouncement':
      return withdraw(command, state);
    case 'AskQuestion':
      return ask(command, state);
    case 'AnswerQuestion':
      return answer(command, state);
    default:
      return assertNever(command);
  }
}

export function createAnnouncementDecider(deps: AnnouncementDeps): AnnouncementDecider {
  return { initialState, evolve, decide: (command, state) => decide(command, state, deps) };
}

/** Folding needs no reference data: for reading an announcement's state from a handler. */
export const announcementFold = { initialState, evolve };
