import { Decider } from '../../platform/domain/decider';
import { FollowCommand } from './follow.commands';
import { decide } from './follow.decide';
import { FollowEvent } from './follow.events';
import { evolve, FollowState, initialState } from './follow.state';

export const followDecider: Decider<FollowCommand, FollowEvent, FollowState> = {
  initialState,
  evolve,
  decide,
};
