import {
  FOLLOWERS,
  FollowerDocument,
  followerId,
} from '../../src/notifications/read-models/notification.document';
import { DocumentKey, DocumentLookup, ProjectedEvent } from '../runner/projection';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Who an aspiration event makes a follower, without a follow of their own: its submitter, an official who answers. */
export function implicitFollowerOf(event: ProjectedEvent): string | null {
  if (event.type === 'AspirationSubmitted') return text(event.data.submittedBy);
  if (event.type === 'OfficialResponded') return event.actor.id;
  return null;
}

export const implicitFollowerKey = (event: ProjectedEvent, aspirationId: string): DocumentKey[] => {
  const personId = implicitFollowerOf(event);
  return personId === null ? [] : [{ collection: FOLLOWERS, id: followerId(aspirationId, personId) }];
};

/**
 * The follower a submission or an answer makes; undefined when the person already has a document for the thread
 * (an official who unfollowed stays unfollowed when they answer again).
 */
export function implicitFollower(
  event: ProjectedEvent,
  aspirationId: string,
  documents: DocumentLookup,
): FollowerDocument | undefined {
  const personId = implicitFollowerOf(event);
  if (personId === null || event.erased?.includes('data.submittedBy')) return undefined;
  const _id = followerId(aspirationId, personId);
  if (documents({ collection: FOLLOWERS, id: _id })) return undefined;
  const reason = event.type === 'AspirationSubmitted' ? 'submitted' : 'responded';
  const { role } = event.actor;
  return {
    _id,
    aspirationId,
    personId,
    role,
    regionCode: null,
    following: true,
    reason,
    since: event.occurredAt,
  };
}

/** AspirationFollowed / AspirationUnfollowed, from the follower's own stream; undefined once the follower was erased. */
export function followed(
  event: ProjectedEvent,
  before: FollowerDocument | undefined,
): FollowerDocument | undefined {
  const personId = event.actor.id;
  const aspirationId = text(event.data.aspirationId);
  if (personId === null || aspirationId === null) return undefined;
  const following = event.type === 'AspirationFollowed';
  return {
    _id: followerId(aspirationId, personId),
    aspirationId,
    personId,
    role: event.actor.role,
    regionCode: text(event.data.regionCode) ?? before?.regionCode ?? null,
    following,
    reason: following ? 'followed' : (before?.reason ?? 'followed'),
    since: following ? event.occurredAt : (before?.since ?? event.occurredAt),
  };
}

export const followKey = (event: ProjectedEvent): DocumentKey[] => {
  const aspirationId = text(event.data.aspirationId);
  return event.actor.id === null || aspirationId === null
    ? []
    : [{ collection: FOLLOWERS, id: followerId(aspirationId, event.actor.id) }];
};
