import { assertNever, CommandMetadata } from '../../platform/domain/decider';
import { FollowAspiration, FollowCommand, UnfollowAspiration } from './follow.commands';
import { followErrors } from './follow.errors';
import { FollowEvent } from './follow.events';
import { FollowState } from './follow.state';

export function decide(command: FollowCommand, state: FollowState): FollowEvent[] {
  switch (command.type) {
    case 'FollowAspiration':
      return follow(command, state);
    case 'UnfollowAspiration':
      return unfollow(command, state);
    default:
      return assertNever(command);
  }
}

/** Following, whether by a follow of one's own or, for the submitter, from the submission on. */
const isFollowing = (state: FollowState, followerIsSubmitter: boolean): boolean =>
  state.status === 'following' || (state.status === 'none' && followerIsSubmitter);

function follow({ data, metadata }: FollowAspiration, state: FollowState): FollowEvent[] {
  requireAspirationId(data.aspirationId);
  // Not found before any other refusal: an aspiration the caller cannot see does not exist for them.
  if (data.aspiration === null) throw followErrors.aspirationNotFound();
  requirePerson(metadata);
  if (isFollowing(state, data.aspiration.followerIsSubmitter)) throw followErrors.alreadyFollowing();
  const { regionCode, role } = metadata.actor;
  const region = role === 'facilitator' && regionCode !== undefined ? { regionCode } : {};
  const followedAt = metadata.now.toISOString();
  return [{ type: 'AspirationFollowed', data: { aspirationId: data.aspirationId, followedAt, ...region } }];
}

// Always allowed while following, whatever became of the aspiration (or of the follower's access) since.
function unfollow({ data, metadata }: UnfollowAspiration, state: FollowState): FollowEvent[] {
  requireAspirationId(data.aspirationId);
  requirePerson(metadata);
  if (!isFollowing(state, data.aspiration?.followerIsSubmitter ?? false)) throw followErrors.notFollowing();
  const unfollowedAt = metadata.now.toISOString();
  return [{ type: 'AspirationUnfollowed', data: { aspirationId: data.aspirationId, unfollowedAt } }];
}

function requirePerson({ actor }: CommandMetadata): void {
  if (actor.role === 'system') throw followErrors.peopleOnly();
}

function requireAspirationId(aspirationId: string): void {
  if (aspirationId.trim() === '') throw followErrors.missingAspirationId();
}
