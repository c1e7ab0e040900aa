import { CommandMetadata, Role } from '../../platform/domain/decider';
import { givenEvents } from '../../platform/domain/testing/decider-spec';
import { FollowedAspirationFacts } from './follow.commands';
import { followDecider } from './follow.decider';
import { FollowEvent } from './follow.events';
import { followPersonalData } from './follow.personal-data';
import { followStream } from './follow.streams';

const NOW = new Date('2025-03-10T02:00:00.000Z');
const AT = NOW.toISOString();
const EARLIER = '2025-03-01T00:00:00.000Z';
const asCitizen: CommandMetadata = { actor: { id: 'acc-citizen-1', role: 'citizen' }, now: NOW };
const given = givenEvents(followDecider);

const seen: FollowedAspirationFacts = { followerIsSubmitter: false };
const own: FollowedAspirationFacts = { followerIsSubmitter: true };

const follow = (
  aspiration: FollowedAspirationFacts | null = seen,
  metadata = asCitizen,
  aspirationId = 'asp-1',
) => ({ type: 'FollowAspiration', data: { aspirationId, aspiration }, metadata }) as const;
const unfollow = (
  aspiration: FollowedAspirationFacts | null = seen,
  metadata = asCitizen,
  aspirationId = 'asp-1',
) => ({ type: 'UnfollowAspiration', data: { aspirationId, aspiration }, metadata }) as const;

const followed: FollowEvent = {
  type: 'AspirationFollowed',
  data: { aspirationId: 'asp-1', followedAt: EARLIER },
};
const unfollowed: FollowEvent = {
  type: 'AspirationUnfollowed',
  data: { aspirationId: 'asp-1', unfollowedAt: EARLIER },
};
const nowFollowed: FollowEvent = {
  type: 'AspirationFollowed',
  data: { aspirationId: 'asp-1', followedAt: AT },
};
const nowUnfollowed: FollowEvent = {
  type: 'AspirationUnfollowed',
  data: { aspirationId: 'asp-1', unfollowedAt: AT },
};

describe('FollowAspiration', () => {
  it('follows an aspiration the person may see', () => given().when(follow()).then(nowFollowed));

  it.each<Role>(['citizen', 'facilitator', 'auditor', 'admin', 'official:dinas-pupr'])(
    'lets a %s follow what they may see',
    (role) =>
      given()
        .when(follow(seen, { ...asCitizen, actor: { id: 'p', role } }))
        .then(nowFollowed),
  );

  it("keeps a region-bound facilitator's region, so notifications know what they may see", () =>
    given()
      .when(follow(seen, { ...asCitizen, actor: { id: 'f', role: 'facilitator', regionCode: '62.06' } }))
      .then({
        type: 'AspirationFollowed',
        data: { aspirationId: 'asp-1', followedAt: AT, regionCode: '62.06' },
      }));

  it('follows again after unfollowing', () => given(followed, unfollowed).when(follow()).then(nowFollowed));

  it('refuses a second follow', () =>
    given(followed).when(follow()).thenFails('conflict', 'already_following'));

  it('refuses the submitter, who follows from the submission on', () =>
    given().when(follow(own)).thenFails('conflict', 'already_following'));

  it('lets a submitter who unfollowed follow again', () =>
    given(unfollowed).when(follow(own)).then(nowFollowed));

  it('answers that an aspiration the person may not see does not exist', () =>
    given().when(follow(null)).thenFails('not_found', 'aspiration_not_found'));

  it('refuses the platform itself', () =>
    given()
      .when(follow(seen, { ...asCitizen, actor: { id: 'scheduler', role: 'system' } }))
      .thenFails('forbidden', 'people_only'));

  it('refuses a blank aspiration id', () =>
    given()
      .when(follow(seen, asCitizen, ' '))
      .thenFails('invalid', 'missing_aspiration_id', 'aspirationId'));
});

describe('UnfollowAspiration', () => {
  it('unfollows', () => given(followed).when(unfollow()).then(nowUnfollowed));

  it('lets the submitter stop following their own aspiration', () =>
    given().when(unfollow(own)).then(nowUnfollowed));

  it('unfollows what the person can no longer see', () =>
    given(followed).when(unfollow(null)).then(nowUnfollowed));

  it('refuses when not following', () => given().when(unfollow()).thenFails('conflict', 'not_following'));

  it('refuses a second unfollow, the submitter too', () =>
    given(unfollowed).when(unfollow(own)).thenFails('conflict', 'not_following'));

  it('refuses the platform itself', () =>
    given(followed)
      .when(unfollow(seen, { ...asCitizen, actor: { id: 'scheduler', role: 'system' } }))
      .thenFails('forbidden', 'people_only'));
});

describe('followStream', () => {
  it('names the aspiration and a digest of the pair, never the person', () => {
    const stream = followStream('asp-1', 'acc-citizen-1');
    expect(stream).toMatch(/^follow-asp-1-[0-9a-f]{32}$/);
    expect(stream).not.toContain('acc-citizen-1');
    expect(stream).toBe(followStream('asp-1', 'acc-citizen-1'));
    expect(stream).not.toBe(followStream('asp-1', 'acc-citizen-2'));
  });
});

describe('followPersonalData', () => {
  it('marks no field as personal: the follower is in the sealed metadata', () =>
    expect(followPersonalData(followed)).toEqual([]));
});
