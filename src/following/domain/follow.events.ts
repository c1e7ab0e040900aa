import { DomainEvent } from '../../platform/domain/decider';

// Type strings and fields are a stored contract. Who follows is the actor (sealed for citizens), never the data.

/** `regionCode`: a region-bound facilitator's region, so a later notification knows what they may see. */
export type AspirationFollowed = DomainEvent<
  'AspirationFollowed',
  { aspirationId: string; followedAt: string; regionCode?: string }
>;

export type AspirationUnfollowed = DomainEvent<
  'AspirationUnfollowed',
  { aspirationId: string; unfollowedAt: string }
>;

export type FollowEvent = AspirationFollowed | AspirationUnfollowed;
