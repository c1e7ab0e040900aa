import { Decider } from '../../platform/domain/decider';
import { AgencyCommand } from './agency.commands';
import { decide } from './agency.decide';
import { AgencyEvent } from './agency.events';
import { AgencyState, evolve, initialState } from './agency.state';

export const agencyDecider: Decider<AgencyCommand, AgencyEvent, AgencyState> = {
  initialState,
  evolve,
  decide,
};
