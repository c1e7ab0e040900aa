import { allowed, everyone, Outcomes, refused, unlisted, withToken } from '../outcomes';
import { AspirationSetup, HttpAttempt, HttpRow, Situation, SITUATIONS, World } from '../row';
import { byVisibility, READ_SITUATIONS, ReadSituation } from './visibility';

// Rules: audienceOf (src/aspirations/aspiration-access.ts) for one thread, visibleTo (thread-filters.ts) for
// lists, the inbox check in threads.controller.ts with regionScope for facilitators, and @Public on the rest.

const UNSEEN = refused(404, 'aspiration_not_found', 'may not see it: answered as for no aspiration');

const read = (
  path: string,
  situation: Situation,
  outcomes: Outcomes,
  concrete: (aspiration: AspirationSetup, world: World) => HttpAttempt,
): HttpRow => ({
  kind: 'http',
  method: 'GET',
  path,
  situation: SITUATIONS[situation],
  outcomes,
  attempt: async (world) => concrete(await world.aspiration(situation), world),
});

const list = (row: HttpRow): HttpRow => ({ ...row, list: true });

const threadReads = (situation: ReadSituation): HttpRow[] => [
  list(
    read(
      '/api/aspirations',
      situation,
      byVisibility(situation, allowed(200), unlisted('lists only what the caller may see')),
      (a) => ({ path: `/api/aspirations?q=${a.marker}&limit=100&minPosition=${a.position}`, lists: a.id }),
    ),
  ),
  read('/api/aspirations/{id}', situation, byVisibility(situation, allowed(200), UNSEEN), (a) => ({
    path: `/api/aspirations/${a.id}?minPosition=${a.position}`,
  })),
  read('/api/aspirations/{id}/history', situation, byVisibility(situation, allowed(200), UNSEEN), (a) => ({
    path: `/api/aspirations/${a.id}/history`,
  })),
];

const inboxNotYours = refused(
  403,
  'inbox_not_yours',
  'only officials of that agency, facilitators and auditors read an inbox',
);

const publicRead = (path: string, note: string): HttpRow => ({
  kind: 'http',
  method: 'GET',
  path,
  outcomes: everyone(allowed(200)),
  note,
  attempt: async () => ({ path }),
});

export const readRows: readonly HttpRow[] = [
  ...READ_SITUATIONS.flatMap(threadReads),
  list(
    read(
      '/api/me/aspirations',
      'submitted',
      withToken({
        submitter: allowed(200),
        citizen: unlisted('lists only what the caller submitted'),
        facilitator: unlisted('lists only what the caller submitted'),
        otherFacilitator: unlisted('lists only what the caller submitted'),
        official: unlisted('lists only what the caller submitted'),
        otherOfficial: unlisted('lists only what the caller submitted'),
        auditor: unlisted('lists only what the caller submitted'),
        admin: unlisted('lists only what the caller submitted'),
      }),
      (a) => ({ path: `/api/me/aspirations?limit=100&minPosition=${a.position}`, lists: a.id }),
    ),
  ),
  list(
    read(
      '/api/agencies/{agencyId}/inbox',
      'assigned',
      withToken({
        submitter: inboxNotYours,
        citizen: inboxNotYours,
        facilitator: allowed(200),
        otherFacilitator: unlisted("a facilitator bound to a region reads that region's items only"),
        official: allowed(200),
        otherOfficial: inboxNotYours,
        auditor: allowed(200),
        admin: inboxNotYours,
      }),
      (a, world) => ({
        path: `/api/agencies/${world.agencyA}/inbox?limit=100&minPosition=${a.position}`,
        lists: a.id,
      }),
    ),
  ),
  publicRead(
    '/api/statistics',
    'public: counts over all aspirations, unverified and confidential ones included',
  ),
  publicRead('/api/categories', 'public: reference data for forms and filters'),
  publicRead('/api/regions', 'public: reference data for forms and filters'),
  publicRead('/api/agencies', 'public: reference data for forms and filters'),
  publicRead('/api/health', 'public: for load balancers and dashboards'),
  publicRead('/api/health/live', 'public: for load balancers and dashboards'),
  publicRead('/api/health/ready', 'public: for load balancers and dashboards'),
];
