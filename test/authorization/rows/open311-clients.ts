import { allowed, Outcomes, refused, withToken } from '../outcomes';
import { HttpRow } from '../row';

// Rules: requireAdmin in src/open311/domain/open311-client.decide.ts, checked before the client's state. The
// GeoReport routes under /open311/v2 take an api_key, not a token, and are not in the OpenAPI document.

const adminOnly = refused(403, 'admin_only', 'only an admin issues and revokes Open311 API keys');

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

export const open311ClientRows: readonly HttpRow[] = [
  {
    kind: 'http',
    method: 'POST',
    path: '/api/open311/clients',
    outcomes: adminGets(201),
    note: 'the API key is in the answer, once; only its digest is kept',
    attempt: async () => ({ path: '/api/open311/clients', body: { name: 'FixMyStreet Katingan' } }),
  },
  {
    kind: 'http',
    method: 'DELETE',
    path: '/api/open311/clients/{clientId}',
    situation: 'a client application whose key is not revoked',
    outcomes: adminGets(200),
    attempt: async (world) => ({ path: `/api/open311/clients/${await world.open311Client()}` }),
  },
];
