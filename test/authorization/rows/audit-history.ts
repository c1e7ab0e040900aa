import { allowed, everyone, refused, withToken } from '../outcomes';
import { HttpRow, SITUATIONS } from '../row';
import { byVisibility, READ_SITUATIONS, ReadSituation } from './visibility';

// Rules: the as-of detail decides access as the live detail does (visible-thread.ts, on the thread as it is now);
// the log's history is public for published aspirations and whole for auditors (src/audit/history/).

const UNSEEN = refused(404, 'aspiration_not_found', 'may not see it now: answered as for no aspiration');
const AUDITORS_ONLY = refused(403, 'auditors_only', 'only auditors read any stream of the log');

const asOf = (situation: ReadSituation): HttpRow => ({
  kind: 'http',
  method: 'GET',
  path: '/api/aspirations/{id}',
  situation: `${SITUATIONS[situation]}; as of a past position (asOfPosition)`,
  outcomes: byVisibility(situation, allowed(200), UNSEEN),
  note: 'time travel: who may see it and as which audience is decided on the thread as it is now',
  attempt: async (world) => {
    const a = await world.aspiration(situation);
    return { path: `/api/aspirations/${a.id}?asOfPosition=${a.position}&minPosition=${a.position}` };
  },
});

export const auditHistoryRows: readonly HttpRow[] = [
  ...READ_SITUATIONS.map(asOf),
  {
    kind: 'http',
    method: 'GET',
    path: '/api/audit/events',
    outcomes: everyone(allowed(200)),
    note: 'public: auditors read every stream; everyone else the aspirations published now, and finds by actor only acts in office',
    attempt: async () => ({ path: '/api/audit/events?limit=5' }),
  },
  {
    kind: 'http',
    method: 'GET',
    path: '/api/audit/streams/{stream}/events',
    outcomes: withToken({
      submitter: AUDITORS_ONLY,
      citizen: AUDITORS_ONLY,
      facilitator: AUDITORS_ONLY,
      otherFacilitator: AUDITORS_ONLY,
      official: AUDITORS_ONLY,
      otherOfficial: AUDITORS_ONLY,
      auditor: allowed(200),
      admin: AUDITORS_ONLY,
    }),
    attempt: async (world) => ({ path: `/api/audit/streams/agency-${world.agencyA}/events` }),
  },
];
