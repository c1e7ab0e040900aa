import { assertNever } from '../../platform/domain/decider';
import { FollowEvent } from './follow.events';

/** 'none': never followed nor unfollowed (a submitter then follows implicitly). */
export type FollowState =
  { status: 'none' } | { status: 'following'; since: string } | { status: 'unfollowed' };

export const initialState: FollowState = { status: 'none' };

export function evolve(_state: FollowState, event: FollowEvent): FollowState {
  switch (event.type) {
    case 'AspirationFollowed':
      return { status: 'following', since: event.data.followedAt };
    case 'AspirationUnfollowed':
      return { status: 'unfollowed' };
    default:
      return assertNever(event);
  }
}
