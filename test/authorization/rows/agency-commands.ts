import { allowed, Outcomes, refused, withToken } from '../outcomes';
import { HttpRow, World } from '../row';

// Rules: requireAdmin in src/agencies/domain/agency.decide.ts. Agency references are checked first
// (agency-references.ts), so these rows name agencies that exist.

const adminOnly = refused(403, 'admin_only', 'only an admin manages agencies');

const adminGets = (status: number): Outcomes =>
  withToken({
    submitter: adminOnly,
    citizen: adminOnly,
    facilitator: adminOnly,
    otherFacilitator: adminOnly,
    official: adminOnly,
    otherOfficial: adminOnly,
    auditor: adminOnly,
    admin: allowed(status),
  });

const onAgencyA = (
  suffix: string,
  status: number,
  body: (world: World) => unknown,
  sharesSetup = false,
): HttpRow => ({
  kind: 'http',
  method: 'POST',
  path: `/api/agencies/{agencyId}/${suffix}`,
  outcomes: adminGets(status),
  sharesSetup,
  attempt: async (world) => ({ path: `/api/agencies/${world.agencyA}/${suffix}`, body: body(world) }),
});

export const agencyCommandRows: readonly HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/agencies',
    outcomes: adminGets(201),
    attempt: async (world) => ({
      path: '/api/agencies',
      body: {
        agencyId: world.unique('dinas-kesehatan-'),
        name: 'Dinas Kesehatan Katingan',
        regionCode: '62.06',
        categories: ['kesehatan'],
      },
    }),
  },
  // Setting what is already set changes nothing, so every caller can try the same request.
  onAgencyA('categories', 200, () => ({ categories: ['infrastruktur'] }), true),
  onAgencyA('parent', 200, () => ({ parentAgencyId: 'pemkab-katingan' }), true),
  onAgencyA('officials', 201, (world) => ({ officialId: world.unique('petugas-'), name: 'Budi Santoso' })),
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/agencies/{agencyId}/officials/{officialId}',
    outcomes: adminGets(200),
    attempt: async (world) => ({
      path: `/api/agencies/${world.agencyA}/officials/${await world.officialOfA()}`,
    }),
  },
];
