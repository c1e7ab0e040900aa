import { allowed, anyToken, everyone, Outcome, Outcomes, refused, unlisted, withToken } from '../outcomes';
import { ANNOUNCEMENT_SITUATIONS, AnnouncementSituation, HttpMethod, HttpRow, World } from '../row';

// Rules: the announcement decider (src/announcements/domain/*.decide.ts) with managesAnnouncement and
// seesAnnouncement (src/announcements/announcement-access.ts): region announcements are public; a group one is for
// the group's members, the facilitators of its region, the publishing agency and auditors.

const notPublisher = refused(
  403,
  'publisher_only',
  "only the publishing agency or a facilitator of the announcement's region",
);
const UNSEEN = refused(
  404,
  'announcement_not_found',
  'may not see a group announcement: answered as for none',
);
const notListed = unlisted('a group announcement only for those who may see it');

/** Everyone with a token gets `others`, except the callers named. */
const only = (granted: Partial<Omit<Outcomes, 'anonymous'>>, others: Outcome): Outcomes =>
  withToken({
    submitter: others,
    citizen: others,
    facilitator: others,
    otherFacilitator: others,
    official: others,
    otherOfficial: others,
    auditor: others,
    admin: others,
    ...granted,
  });

/** Who sees a group announcement (by A, to a group of the facilitator's region the submitter belongs to). */
const groupInsiders = (seen: Outcome, unseen: Outcome) => ({
  submitter: seen,
  citizen: unseen,
  facilitator: seen,
  otherFacilitator: unseen,
  official: seen,
  otherOfficial: unseen,
  auditor: seen,
  admin: unseen,
});

function onAnnouncement(
  method: HttpMethod,
  path: string,
  situation: AnnouncementSituation,
  outcomes: Outcomes,
  body: unknown = {},
): HttpRow {
  return {
    kind: 'http',
    method,
    path,
    situation: ANNOUNCEMENT_SITUATIONS[situation],
    outcomes,
    async attempt(world: World) {
      const announcement = await world.announcement(situation);
      const concrete = path
        .replace('{id}', announcement.id)
        .replace('{questionId}', announcement.questionId ?? '');
      const read = method === 'GET' ? `?minPosition=${announcement.position}` : '';
      return { path: `${concrete}${read}`, body: method === 'POST' ? body : undefined };
    },
  };
}

const correction = { title: 'Jadwal perbaikan jalan (ralat)', body: 'Perbaikan dimulai Selasa depan.' };

const commandRows: HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/announcements',
    situation: "to Katingan (the facilitator's region)",
    outcomes: only(
      {
        facilitator: allowed(201),
        otherFacilitator: refused(
          403,
          'outside_facilitator_region',
          'a facilitator publishes in their region',
        ),
        official: allowed(201),
        otherOfficial: allowed(201),
      },
      refused(403, 'publish_not_allowed', 'officials and facilitators publish'),
    ),
    note: 'an official publishes for their agency anywhere; a facilitator within their region',
    attempt: async () => ({
      path: '/api/announcements',
      body: {
        title: 'Pemadaman listrik',
        body: 'Pemadaman listrik bergilir hari Sabtu.',
        regionCode: '62.06',
      },
    }),
  },
  onAnnouncement(
    'POST',
    '/api/announcements/{id}/corrections',
    'region',
    only({ facilitator: allowed(201), official: allowed(201) }, notPublisher),
    correction,
  ),
  onAnnouncement(
    'POST',
    '/api/announcements/{id}/withdraw',
    'region',
    only({ facilitator: allowed(200), official: allowed(200) }, notPublisher),
    { reason: 'Jadwal dibatalkan.' },
  ),
  onAnnouncement(
    'POST',
    '/api/announcements/{id}/acknowledgements',
    'group',
    withToken(groupInsiders(allowed(200), UNSEEN)),
  ),
  onAnnouncement(
    'POST',
    '/api/announcements/{id}/questions',
    'region',
    only(
      { submitter: allowed(201), citizen: allowed(201) },
      refused(403, 'citizen_only', 'citizens ask; the publisher answers'),
    ),
    { text: 'Apakah jalan desa kami termasuk?' },
  ),
  onAnnouncement(
    'POST',
    '/api/announcements/{id}/questions/{questionId}/answer',
    'question',
    only({ facilitator: allowed(200), official: allowed(200) }, notPublisher),
    { text: 'Ya, termasuk jalan desa Kasongan Baru.' },
  ),
];

const listedIn = (path: (groupId: string) => string) => async (world: World) => {
  const announcement = await world.announcement('group');
  const separator = path('').includes('?') ? '&' : '?';
  return {
    path: `${path(announcement.groupId!)}${separator}limit=100&minPosition=${announcement.position}`,
    lists: announcement.id,
  };
};

const readRows: HttpRow[] = [
  {
    kind: 'http',
    method: 'GET',
    path: '/api/announcements',
    list: true,
    situation: ANNOUNCEMENT_SITUATIONS.region,
    outcomes: everyone(allowed(200)),
    async attempt(world) {
      const announcement = await world.announcement('region');
      const query = `region=62.06.02.1003&limit=100&minPosition=${announcement.position}`;
      return { path: `/api/announcements?${query}`, lists: announcement.id };
    },
  },
  {
    kind: 'http',
    method: 'GET',
    path: '/api/announcements',
    list: true,
    situation: ANNOUNCEMENT_SITUATIONS.group,
    outcomes: { anonymous: notListed, ...groupInsiders(allowed(200), notListed) },
    attempt: listedIn((groupId) => `/api/announcements?group=${groupId}`),
  },
  onAnnouncement('GET', '/api/announcements/{id}', 'region', everyone(allowed(200))),
  onAnnouncement('GET', '/api/announcements/{id}', 'group', {
    anonymous: UNSEEN,
    ...groupInsiders(allowed(200), UNSEEN),
  }),
  {
    kind: 'http',
    method: 'GET',
    path: '/api/me/announcements',
    list: true,
    situation: ANNOUNCEMENT_SITUATIONS.group,
    outcomes: {
      ...anyToken(unlisted('not a member of the group')),
      submitter: allowed(200),
    },
    attempt: listedIn(() => '/api/me/announcements'),
  },
];

export const announcementRows: HttpRow[] = [...commandRows, ...readRows];
