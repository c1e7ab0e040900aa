import { Decider } from '../../platform/domain/decider';
import { AccountCommand } from './account.commands';
import { decide } from './account.decide';
import { AccountEvent } from './account.events';
import { AccountState, evolve, initialState } from './account.state';

export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState> = {
  initialState,
  evolve,
  decide,
};
