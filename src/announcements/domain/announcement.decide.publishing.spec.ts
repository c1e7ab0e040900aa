import { Actor } from '../../platform/domain/decider';
import { AnnouncementEvent } from './announcement.events';
import {
  AT,
  auditor,
  command,
  EARLIER,
  given,
  GROUP,
  ID,
  KASONGAN_BARU,
  KATINGAN,
  katinganFacilitator,
  kobarFacilitator,
  official,
  otherOfficial,
  published,
  publishedToGroup,
  siti,
  text,
  withdrawn,
} from './testing/announcement.fixtures';

/** The fixture's publication, as published now. */
const publishedNow = (event: AnnouncementEvent, data: object = {}): AnnouncementEvent =>
  ({ ...event, data: { ...event.data, ...data, publishedAt: AT } }) as AnnouncementEvent;

const activeGroup = { groupId: GROUP, regionCode: KASONGAN_BARU, status: 'active' as const };
const toRegion = (data: object = {}, actor: Actor = official) =>
  command('PublishAnnouncement', { announcementId: ID, ...text, regionCode: KATINGAN, ...data }, actor);
const toGroup = (data: object = {}, actor: Actor = katinganFacilitator) =>
  command(
    'PublishAnnouncement',
    { announcementId: ID, ...text, groupIds: [GROUP], groups: [activeGroup], ...data },
    actor,
  );

describe('PublishAnnouncement', () => {
  it('lets an official publish to any region for their agency', () =>
    given().when(toRegion()).then(publishedNow(published)));

  it('lets a facilitator publish to a group of their region', () =>
    given().when(toGroup()).then(publishedNow(publishedToGroup)));

  it('keeps a link, normalised', () =>
    given()
      .when(toRegion({ link: 'https://katingankab.go.id/info' }))
      .then(publishedNow(published, { link: 'https://katingankab.go.id/info' })));

  it('refuses a facilitator outside their region, for a region or a group', () => {
    given().when(toRegion({}, kobarFacilitator)).thenFails('forbidden', 'outside_facilitator_region');
    given().when(toGroup({}, kobarFacilitator)).thenFails('forbidden', 'outside_facilitator_region');
  });

  it.each<Actor>([siti, auditor])('refuses $role', (actor) =>
    given().when(toRegion({}, actor)).thenFails('forbidden', 'publish_not_allowed'),
  );

  it('refuses a second publication of the same id', () =>
    given(published).when(toRegion()).thenFails('conflict', 'announcement_already_exists'));

  it('refuses an unknown or a dissolved group', () => {
    given()
      .when(toGroup({ groups: [null] }))
      .thenFails('not_found', 'group_not_found', 'groupIds');
    given()
      .when(toGroup({ groups: [{ ...activeGroup, status: 'dissolved' }] }))
      .thenFails('conflict', 'group_not_active');
  });

  it.each([
    ['both a region and groups', { regionCode: KATINGAN, groupIds: [GROUP] }, 'invalid_target', 'regionCode'],
    ['neither', { regionCode: undefined }, 'invalid_target', 'regionCode'],
    ['an unknown region', { regionCode: '99.99' }, 'unknown_region', 'regionCode'],
    ['a short title', { title: 'abc' }, 'invalid_title', 'title'],
    ['a body that is no text', { body: 7 }, 'invalid_body', 'body'],
    ['a link that is no web address', { link: 'javascript:alert(1)' }, 'invalid_link', 'link'],
    ['repeated groups', { regionCode: undefined, groupIds: [GROUP, GROUP] }, 'invalid_group_ids', 'groupIds'],
  ])('refuses %s', (_, data, code, field) => given().when(toRegion(data)).thenFails('invalid', code, field));
});

describe('CorrectAnnouncement and WithdrawAnnouncement', () => {
  const correction = { title: 'Jadwal perbaikan jalan (ralat)', body: 'Perbaikan dimulai Selasa depan.' };

  it('records a new version by the publishing agency or a facilitator of the region', () => {
    for (const actor of [official, katinganFacilitator])
      given(published)
        .when(command('CorrectAnnouncement', correction, actor))
        .then({
          type: 'AnnouncementCorrected',
          data: { version: 2, ...correction, link: null, correctedAt: AT },
        });
  });

  it('counts versions on', () =>
    given(published, {
      type: 'AnnouncementCorrected',
      data: { version: 2, ...text, correctedAt: EARLIER },
    })
      .when(command('CorrectAnnouncement', correction, official))
      .then({
        type: 'AnnouncementCorrected',
        data: { version: 3, ...correction, link: null, correctedAt: AT },
      }));

  it.each<Actor>([otherOfficial, kobarFacilitator, siti, auditor])('refuses $id', (actor) =>
    given(published)
      .when(command('CorrectAnnouncement', correction, actor))
      .thenFails('forbidden', 'publisher_only'),
  );

  it('withdraws with a reason, once', () => {
    given(published)
      .when(command('WithdrawAnnouncement', { reason: ' Jadwal berubah ' }, katinganFacilitator))
      .then({ type: 'AnnouncementWithdrawn', data: { reason: 'Jadwal berubah', withdrawnAt: AT } });
    given(published, withdrawn)
      .when(command('WithdrawAnnouncement', { reason: 'lagi' }, official))
      .thenFails('conflict', 'announcement_withdrawn');
    given(published)
      .when(command('WithdrawAnnouncement', { reason: '' }, official))
      .thenFails('invalid', 'invalid_reason', 'reason');
  });

  it('refuses a correction after the withdrawal, and an unknown announcement', () => {
    given(published, withdrawn)
      .when(command('CorrectAnnouncement', correction, official))
      .thenFails('conflict', 'announcement_withdrawn');
    given()
      .when(command('CorrectAnnouncement', correction, official))
      .thenFails('not_found', 'announcement_not_found');
  });
});
