import { Decider } from '../../platform/domain/decider';
import { GroupCommand } from './group.commands';
import { decide, GroupDeps } from './group.decide';
import { GroupEvent } from './group.events';
import { evolve, GroupState, initialState } from './group.state';

export type GroupDecider = Decider<GroupCommand, GroupEvent, GroupState>;

export function createGroupDecider(deps: GroupDeps): GroupDecider {
  return { initialState, evolve, decide: (command, state) => decide(command, state, deps) };
}

/** Folding needs no reference data: for reading a group's state from another feature. */
export const groupFold = { initialState, evolve };
