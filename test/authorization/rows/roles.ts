import { allowed, everyone, FACILITATOR_REGIONS, Outcomes, refused, withToken } from '../outcomes';
import { HttpRow } from '../row';

// Rules: requireAdmin in the invitation and role handlers (src/accounts/invitations/, src/accounts/roles/),
// which runs before anything is looked up, and requireOtherAccount in src/accounts/domain/role.decide.ts.

const adminOnly = refused(403, 'admin_only', 'only an admin invites and grants roles');

const adminGets = (admin: Outcomes['admin']): Outcomes =>
  withToken({
    submitter: adminOnly,
    citizen: adminOnly,
    facilitator: adminOnly,
    otherFacilitator: adminOnly,
    official: adminOnly,
    otherOfficial: adminOnly,
    auditor: adminOnly,
    admin,
  });

const ownRole = refused(403, 'own_role', 'nobody changes their own role, so the last admin stays one');

export const roleRows: readonly HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/invitations',
    situation: "a facilitator of the aspirations' region, to a login without an account",
    outcomes: adminGets(allowed(201)),
    attempt: async (world) => ({
      path: '/api/invitations',
      body: {
        email: `${world.unique('fasilitator')}@contoh.id`,
        displayName: 'Rina Fasilitator',
        role: 'facilitator',
        regionCode: FACILITATOR_REGIONS.facilitator,
      },
    }),
  },
  {
    kind: 'http',
    method: 'POST',
    path: '/api/invitations/{invitationId}/codes',
    situation: 'an invitation not accepted yet',
    outcomes: adminGets(allowed(202)),
    attempt: async (world) => ({ path: `/api/invitations/${(await world.invitation()).invitationId}/codes` }),
  },
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/invitations/{invitationId}',
    situation: 'an invitation not accepted yet',
    outcomes: adminGets(allowed(200)),
    attempt: async (world) => ({ path: `/api/invitations/${(await world.invitation()).invitationId}` }),
  },
  {
    kind: 'http',
    method: 'POST',
    path: '/api/invitations/acceptances',
    situation: 'an invitation not accepted yet',
    outcomes: everyone(allowed(201)),
    note: 'public: the login and the code the invitation sent are the credential',
    async attempt(world) {
      const { login, code } = await world.invitation();
      return {
        path: '/api/invitations/acceptances',
        body: { login, code, password: 'rumah panggung kayu ulin' },
      };
    },
  },
  {
    kind: 'http',
    method: 'PUT',
    path: '/api/accounts/{accountId}/role',
    situation: "an active citizen's account, granted `auditor`",
    outcomes: adminGets(allowed(200)),
    attempt: async (world) => ({
      path: `/api/accounts/${await world.citizenAccountId()}/role`,
      body: { role: 'auditor' },
    }),
  },
  {
    kind: 'http',
    method: 'PUT',
    path: '/api/accounts/{accountId}/role',
    situation: "the caller's own account, granted `auditor`",
    outcomes: adminGets(ownRole),
    // Anonymous names the citizen column's account: without a token it is refused before anything is read.
    attempt: async (world, role) => ({
      path: `/api/accounts/${world.accountIdOf(role) ?? world.accountIdOf('citizen')}/role`,
      body: { role: 'auditor' },
    }),
  },
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/accounts/{accountId}/role',
    situation: "an auditor's account",
    outcomes: adminGets(allowed(200)),
    attempt: async (world) => ({ path: `/api/accounts/${await world.auditorAccountId()}/role` }),
  },
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/accounts/{accountId}/role',
    situation: "the caller's own account",
    outcomes: adminGets(ownRole),
    attempt: async (world, role) => ({
      path: `/api/accounts/${world.accountIdOf(role) ?? world.accountIdOf('citizen')}/role`,
    }),
  },
];
