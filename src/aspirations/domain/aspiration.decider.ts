import { Decider } from '../../platform/domain/decider';
import { AspirationCommand } from './aspiration.commands';
import { AspirationDeps, DeadlineRules } from './aspiration.deadlines';
import { decide } from './aspiration.decide';
import { AspirationEvent } from './aspiration.events';
import { AspirationState, evolve, initialState } from './aspiration.state';

export type { AspirationDeps, DeadlineRules } from './aspiration.deadlines';

/** LAPOR!'s service rules, in working days. */
export const defaultDeadlineRules: DeadlineRules = {
  verificationDays: 3,
  followUpDays: 5,
  autoCloseDays: 10,
  reopenWindowDays: 10,
};

export function createAspirationDecider(
  deps: AspirationDeps,
): Decider<AspirationCommand, AspirationEvent, AspirationState> {
  return {
    initialState,
    evolve,
    decide: (command, state) => decide(command, state, deps),
  };
}
