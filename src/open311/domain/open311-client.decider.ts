import { Decider } from '../../platform/domain/decider';
import { Open311ClientCommand } from './open311-client.commands';
import { decide } from './open311-client.decide';
import { Open311ClientEvent } from './open311-client.events';
import { evolve, initialState, Open311ClientState } from './open311-client.state';

export const open311ClientDecider: Decider<Open311ClientCommand, Open311ClientEvent, Open311ClientState> = {
  initialState,
  evolve,
  decide,
};
