import { Decider } from '../../platform/domain/decider';
import { EndorsementCommand } from './endorsement.commands';
import { decide } from './endorsement.decide';
import { EndorsementEvent } from './endorsement.events';
import { EndorsementState, evolve, initialState } from './endorsement.state';

export const endorsementDecider: Decider<EndorsementCommand, EndorsementEvent, EndorsementState> = {
  initialState,
  evolve,
  decide,
};
