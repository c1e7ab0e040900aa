import { Command } from '../../platform/domain/decider';

/** What the handler read from the aspiration's stream; null when the follower may not see it (or it does not exist). */
export interface FollowedAspirationFacts {
  /** The submitter follows their own aspiration from its submission on, without a follow of their own. */
  followerIsSubmitter: boolean;
}

/** The follower is the command's actor. */
export type FollowAspiration = Command<
  'FollowAspiration',
  { aspirationId: string; aspiration: FollowedAspirationFacts | null }
>;

export type UnfollowAspiration = Command<
  'UnfollowAspiration',
  { aspirationId: string; aspiration: FollowedAspirationFacts | null }
>;

export type FollowCommand = FollowAspiration | UnfollowAspiration;
