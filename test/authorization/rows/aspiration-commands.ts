import { roadComplaint } from '../../support/scenario';
import { allowed, Outcome, Outcomes, refused, withToken } from '../outcomes';
import { AspirationSetup, HttpMethod, HttpRow, Situation, SITUATIONS, World } from '../row';

// Rules: the deciders' guards (src/aspirations/domain/*.decide.ts, aspiration.guards.ts) and audienceOf,
// with facilitatesIn for a facilitator's region.

const UNSEEN = refused(
  404,
  'aspiration_not_found',
  'may not see it (not verified yet, or confidential): answered as for no aspiration',
);
const notSubmitter = refused(403, 'submitter_only', 'only the submitter may');
const facilitatorOnly = refused(403, 'facilitator_only', 'only a facilitator may');
const assignedOrFacilitator = refused(
  403,
  'assigned_official_or_facilitator_only',
  'only a facilitator or an official of the assigned agency may',
);
const assignedOfficialOnly = refused(
  403,
  'assigned_official_only',
  'only an official of the assigned agency answers',
);
const submitNotAllowed = refused(403, 'submit_not_allowed', 'only citizens and facilitators submit');
// Outside their region a facilitator is the public: told so once they may see the aspiration (404 before).
const outsideRegion = refused(
  403,
  'outside_facilitator_region',
  'a facilitator acts only on aspirations of their region',
);
const onBehalfOfRequired = refused(
  400,
  'on_behalf_of_required',
  'a facilitator always speaks for a villager',
);
const citizenOnly = refused(403, 'citizen_only', 'only citizens endorse');

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

/** Before verification only the submitter, facilitators of its region and auditors see it; others get 404. */
const beforeVerification = (granted: Partial<Omit<Outcomes, 'anonymous'>>, seenButRefused: Outcome) =>
  only({ submitter: seenButRefused, auditor: seenButRefused, ...granted }, UNSEEN);

function onAspiration(
  path: string,
  situation: Situation,
  outcomes: Outcomes,
  body: (world: World, aspiration: AspirationSetup) => unknown = () => ({}),
  method: HttpMethod = 'POST',
): HttpRow {
  return {
    kind: 'http',
    method,
    path,
    situation: SITUATIONS[situation],
    outcomes,
    async attempt(world) {
      const aspiration = await world.aspiration(situation);
      const concrete = path.replace('{id}', aspiration.id).replace('{messageId}', aspiration.messageId);
      return { path: concrete, body: method === 'DELETE' ? undefined : body(world, aspiration) };
    },
  };
}

const submission = (world: World) => roadComplaint({ title: `Jalan rusak ${world.unique('baru')}` });
const reason = () => ({ reason: 'Alasan yang jelas untuk langkah ini.' });

export const aspirationCommandRows: readonly HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/aspirations',
    situation: 'for oneself',
    outcomes: only(
      {
        submitter: allowed(201),
        citizen: allowed(201),
        facilitator: onBehalfOfRequired,
        otherFacilitator: onBehalfOfRequired,
      },
      submitNotAllowed,
    ),
    attempt: async (world) => ({ path: '/api/aspirations', body: submission(world) }),
  },
  {
    kind: 'http',
    method: 'POST',
    path: '/api/aspirations',
    situation: 'on behalf of a villager, with `onBehalfOf`',
    outcomes: only(
      {
        submitter: refused(403, 'on_behalf_of_not_allowed', 'only a facilitator submits for a villager'),
        citizen: refused(403, 'on_behalf_of_not_allowed', 'only a facilitator submits for a villager'),
        facilitator: allowed(201),
        otherFacilitator: outsideRegion,
      },
      submitNotAllowed,
    ),
    attempt: async (world) => ({
      path: '/api/aspirations',
      body: { ...submission(world), onBehalfOf: { name: 'Ibu Sari', contact: 'RT 03 Kasongan Baru' } },
    }),
  },
  onAspiration(
    '/api/aspirations/{id}/verify',
    'submitted',
    beforeVerification({ facilitator: allowed(200) }, facilitatorOnly),
  ),
  onAspiration(
    '/api/aspirations/{id}/reject',
    'submitted',
    beforeVerification({ facilitator: allowed(200) }, facilitatorOnly),
    reason,
  ),
  onAspiration(
    '/api/aspirations/{id}/escalate',
    'verificationOverdue',
    beforeVerification(
      { facilitator: allowed(200) },
      refused(403, 'system_or_facilitator_only', 'only a facilitator (or the platform) escalates'),
    ),
    () => ({ stage: 'verification' }),
  ),
  onAspiration(
    '/api/aspirations/{id}/assign',
    'verified',
    only({ facilitator: allowed(200), otherFacilitator: outsideRegion }, facilitatorOnly),
    (w) => ({
      agencyId: w.agencyA,
    }),
  ),
  onAspiration(
    '/api/aspirations/{id}/forward',
    'assigned',
    only(
      { facilitator: allowed(200), otherFacilitator: outsideRegion, official: allowed(200) },
      assignedOrFacilitator,
    ),
    (w) => ({ toAgencyId: w.agencyB, ...reason() }),
  ),
  onAspiration(
    '/api/aspirations/{id}/responses',
    'assigned',
    only({ official: allowed(201) }, assignedOfficialOnly),
    () => ({ body: 'Tim kami akan memeriksa jalan itu minggu ini.' }),
  ),
  onAspiration(
    '/api/aspirations/{id}/responses',
    'confidential',
    only(
      {
        official: allowed(201),
        citizen: UNSEEN,
        otherFacilitator: UNSEEN,
        otherOfficial: UNSEEN,
        admin: UNSEEN,
      },
      assignedOfficialOnly,
    ),
    () => ({ body: 'Tim kami akan memeriksa laporan ini.' }),
  ),
  onAspiration(
    '/api/aspirations/{id}/replies',
    'assigned',
    only({ submitter: allowed(201) }, notSubmitter),
    () => ({ body: 'Terima kasih, kami tunggu.' }),
  ),
  onAspiration(
    '/api/aspirations/{id}/resolve',
    'assigned',
    only(
      { facilitator: allowed(200), otherFacilitator: outsideRegion, official: allowed(200) },
      assignedOrFacilitator,
    ),
    () => ({ summary: 'Jalan sudah ditambal.' }),
  ),
  onAspiration(
    '/api/aspirations/{id}/close',
    'assigned',
    only(
      { submitter: allowed(200), facilitator: allowed(200), otherFacilitator: outsideRegion },
      refused(403, 'close_not_allowed', 'only its submitter or a facilitator of its region closes it'),
    ),
  ),
  onAspiration(
    '/api/aspirations/{id}/messages/{messageId}/hide',
    'assigned',
    only({ facilitator: allowed(200), otherFacilitator: outsideRegion }, facilitatorOnly),
    reason,
  ),
  onAspiration(
    '/api/aspirations/{id}/rating',
    'resolved',
    only({ submitter: allowed(200) }, notSubmitter),
    () => ({ rating: 4 }),
  ),
  onAspiration(
    '/api/aspirations/{id}/reopen',
    'resolved',
    only({ submitter: allowed(200) }, notSubmitter),
    reason,
  ),
  onAspiration(
    '/api/aspirations/{id}/endorsements',
    'assigned',
    only(
      {
        submitter: refused(403, 'own_aspiration', 'nobody endorses their own aspiration'),
        citizen: allowed(201),
      },
      citizenOnly,
    ),
  ),
  {
    ...onAspiration(
      '/api/aspirations/{id}/endorsements',
      'assigned',
      only(
        {
          submitter: refused(409, 'not_endorsed', 'cannot have endorsed their own aspiration'),
          citizen: allowed(200),
        },
        citizenOnly,
      ),
      undefined,
      'DELETE',
    ),
    situation: `${SITUATIONS.assigned}, endorsed by the caller where the caller may`,
    async attempt(world, role) {
      const aspiration = await world.aspiration('assigned');
      await world.endorseIfAble(role, aspiration.id);
      return { path: `/api/aspirations/${aspiration.id}/endorsements` };
    },
  },
];
