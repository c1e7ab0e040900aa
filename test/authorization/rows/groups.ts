import { roadComplaint } from '../../support/scenario';
import { allowed, anyToken, everyone, Outcome, Outcomes, refused, unlisted, withToken } from '../outcomes';
import { GROUP_SITUATIONS, GroupSetup, GroupSituation, HttpMethod, HttpRow, World } from '../row';

// Rules: the group deciders (src/groups/domain/*.decide.ts, drafts/domain/group-draft.decide.ts) with seesGroup and
// standingOf (src/groups/group-access.ts): insiders are members and the facilitators of the group's region.

const UNSEEN = refused(404, 'group_not_found', 'may not see a proposal: answered as for no group');
const facilitatorOnly = refused(403, 'facilitator_only', "only a facilitator of the group's region may");
const outsideRegion = refused(
  403,
  'outside_facilitator_region',
  'a facilitator acts in their own region only',
);
const citizenOnly = refused(403, 'citizen_only', 'members are citizens');
const membersOnly = refused(
  403,
  'members_only',
  'only its members (and the region’s facilitators, for reads)',
);
const leadsOnly = refused(
  403,
  'coordinator_or_facilitator_only',
  'only its coordinators and the facilitators of its region',
);

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

function onGroup(
  method: HttpMethod,
  path: string,
  situation: GroupSituation,
  outcomes: Outcomes,
  body: (group: GroupSetup) => unknown = () => ({}),
  query = '',
): HttpRow {
  return {
    kind: 'http',
    method,
    path,
    situation: GROUP_SITUATIONS[situation],
    outcomes,
    async attempt(world: World) {
      const group = await world.group(situation);
      const concrete = path
        .replace('{id}', group.id)
        .replace('{memberKey}', group.memberKey)
        .replace('{draftId}', group.draftId ?? '')
        .replace('{reportId}', group.reportId ?? '');
      const read = method === 'GET' ? `?${query}minPosition=${group.position}` : '';
      return { path: `${concrete}${read}`, body: method === 'POST' ? body(group) : undefined };
    },
  };
}

const charter = { name: 'KIM Tumbang Samba', regionCode: '62.06.02.1003', joinPolicy: 'open' };

const groupCommandRows: HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/groups',
    situation: 'in Kasongan Baru',
    outcomes: only(
      {
        submitter: allowed(201),
        citizen: allowed(201),
        facilitator: allowed(201),
        otherFacilitator: outsideRegion,
      },
      refused(403, 'found_not_allowed', 'a facilitator founds, a citizen proposes'),
    ),
    note: 'a citizen proposes (a facilitator of the region approves), a facilitator founds',
    attempt: async () => ({ path: '/api/groups', body: charter }),
  },
  onGroup(
    'POST',
    '/api/groups/{id}/approve',
    'proposed',
    only({ submitter: facilitatorOnly, facilitator: allowed(200) }, UNSEEN),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/join',
    'open',
    only(
      { submitter: refused(409, 'already_member', 'already a member'), citizen: allowed(200) },
      citizenOnly,
    ),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/leave',
    'open',
    only({ submitter: allowed(200), citizen: refused(409, 'not_a_member', 'not a member') }, citizenOnly),
  ),
  ...['approve', 'decline'].map((verb) =>
    onGroup(
      'POST',
      `/api/groups/{id}/join-requests/{memberKey}/${verb}`,
      'closed',
      only({ submitter: allowed(200), facilitator: allowed(200) }, leadsOnly),
    ),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/coordinators/{memberKey}',
    'open',
    only({ submitter: allowed(200), facilitator: allowed(200) }, leadsOnly),
  ),
  onGroup(
    'DELETE',
    '/api/groups/{id}/coordinators/{memberKey}',
    'coordinated',
    only({ submitter: allowed(200), facilitator: allowed(200) }, leadsOnly),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/dissolve',
    'open',
    only({ facilitator: allowed(200), otherFacilitator: outsideRegion }, facilitatorOnly),
    () => ({ reason: 'Kelompok tidak aktif lagi.' }),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/drafts',
    'open',
    only({ submitter: allowed(201) }, refused(403, 'members_only', 'only its members draft for it')),
    () => ({
      title: 'Jembatan desa retak',
      body: 'Jembatan penghubung dusun retak di tengah dan berbahaya bagi anak sekolah.',
      category: 'infrastruktur',
      anonymous: false,
    }),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/drafts/{draftId}/signatures',
    'draft',
    only(
      { submitter: refused(409, 'own_draft', 'drafting was the drafter’s signature'), citizen: allowed(201) },
      refused(403, 'members_only', 'only its members sign its drafts'),
    ),
  ),
  {
    kind: 'http',
    method: 'POST',
    path: '/api/aspirations',
    situation: 'naming an open group with `groupId`; submitter its coordinator',
    outcomes: only(
      {
        submitter: allowed(201),
        citizen: refused(403, 'not_a_group_member', 'only its members speak for a group'),
        facilitator: allowed(201),
        otherFacilitator: refused(
          403,
          'not_a_group_member',
          'a facilitator relays for groups of their region',
        ),
      },
      refused(403, 'submit_not_allowed', 'only citizens and facilitators submit'),
    ),
    async attempt(world, role) {
      const group = await world.group('open');
      const villager = role.endsWith('acilitator') ? { onBehalfOf: { name: 'Ibu Sari' } } : {};
      return { path: '/api/aspirations', body: roadComplaint({ groupId: group.id, ...villager }) };
    },
  },
];

const insidersRead = only({ submitter: allowed(200), facilitator: allowed(200) }, membersOnly);
const membersRecord = refused(
  403,
  'members_only',
  'only its members record, raise and (with its facilitators) discuss',
);

const reportRows: HttpRow[] = [
  onGroup(
    'POST',
    '/api/groups/{id}/reports',
    'open',
    only({ submitter: allowed(201) }, membersRecord),
    () => ({
      source: 'Rapat desa',
      summary: 'Warga mengeluhkan jembatan desa yang retak dan belum diperbaiki.',
      monitoredOn: '2026-09-10',
      photo: 'IMG_2031.jpg',
    }),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/reports/{reportId}/comments',
    'report',
    only({ submitter: allowed(201), facilitator: allowed(201) }, membersRecord),
    () => ({ body: 'Saya juga melihatnya.' }),
  ),
  onGroup(
    'POST',
    '/api/groups/{id}/reports/{reportId}/aspiration',
    'report',
    only({ submitter: allowed(201) }, membersRecord),
    () => ({
      title: 'Penyaluran pupuk terlambat',
      body: 'Petani belum menerima pupuk bersubsidi karena jadwal mundur tanpa penjelasan.',
      category: 'pertanian',
      anonymous: false,
    }),
  ),
  onGroup('GET', '/api/groups/{id}/reports', 'report', insidersRead),
  onGroup('GET', '/api/groups/{id}/reports/{reportId}', 'report', insidersRead),
  onGroup('GET', '/api/groups/{id}/feed', 'report', everyone(allowed(200))),
];
const list = (row: HttpRow): HttpRow => ({ ...row, list: true });
const listedIn = (situation: GroupSituation) => async (world: World) => {
  const group = await world.group(situation);
  return { path: `/api/groups?region=62.06.02&limit=100&minPosition=${group.position}`, lists: group.id };
};
const proposalUnlisted = unlisted('a proposal only for its proposer and the region’s facilitators');

const groupReadRows: HttpRow[] = [
  list({
    kind: 'http',
    method: 'GET',
    path: '/api/groups',
    situation: GROUP_SITUATIONS.open,
    outcomes: everyone(allowed(200)),
    attempt: listedIn('open'),
  }),
  list({
    kind: 'http',
    method: 'GET',
    path: '/api/groups',
    situation: GROUP_SITUATIONS.proposed,
    outcomes: { ...everyone(proposalUnlisted), submitter: allowed(200), facilitator: allowed(200) },
    attempt: listedIn('proposed'),
  }),
  onGroup('GET', '/api/groups/{id}', 'open', everyone(allowed(200))),
  onGroup('GET', '/api/groups/{id}', 'proposed', {
    ...everyone(UNSEEN),
    submitter: allowed(200),
    facilitator: allowed(200),
  }),
  onGroup('GET', '/api/groups/{id}/members', 'open', insidersRead),
  {
    ...onGroup(
      'GET',
      '/api/groups/{id}/members',
      'closed',
      only({ submitter: allowed(200), facilitator: allowed(200) }, membersOnly),
      undefined,
      'status=requested&',
    ),
    situation: `${GROUP_SITUATIONS.closed}; \`status=requested\`: who asks to join`,
  },
  onGroup('GET', '/api/groups/{id}/drafts', 'open', insidersRead),
  onGroup('GET', '/api/groups/{id}/aspirations', 'open', everyone(allowed(200))),
  {
    kind: 'http',
    method: 'GET',
    path: '/api/me/groups',
    outcomes: anyToken(allowed(200)),
    note: "the caller's own memberships only",
    attempt: async () => ({ path: '/api/me/groups' }),
  },
];

export const groupRows: readonly HttpRow[] = [...groupCommandRows, ...groupReadRows, ...reportRows];
