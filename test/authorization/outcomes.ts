/**
 * The callers of the authorization table: one column each. "A" is the agency the row concerns (the one the
 * aspiration is assigned to, or the one named in the path or topic), "B" any other agency. Facilitators are
 * bound to a region: one to the aspirations' own, one to another. The platform's own role, `system`, has no
 * column: no token can carry it, so no HTTP route or live topic accepts it.
 */
export const ROLES = [
  'anonymous',
  'submitter',
  'citizen',
  'facilitator',
  'otherFacilitator',
  'official',
  'otherOfficial',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The column headings in docs/security.md. */
export const ROLE_HEADINGS: Record<Role, string> = {
  anonymous: 'no token',
  submitter: 'submitter',
  citizen: 'other citizen',
  facilitator: 'facilitator',
  otherFacilitator: 'facilitator of another region',
  official: 'official of A',
  otherOfficial: 'official of B',
  auditor: 'auditor',
  admin: 'admin',
};

/**
 * The regions the facilitator columns are bound to: the regency every aspiration of the walk is submitted in
 * (Katingan, where Kasongan Baru lies), and another regency of the province (Kotawaringin Barat).
 */
export const FACILITATOR_REGIONS = { facilitator: '62.06', otherFacilitator: '62.01' } as const;

/**
 * What one caller gets. `allowed`: the documented success (HTTP status, or an `ok` acknowledgement on /live,
 * where `status` is absent); on list rows it also means the row's aspiration is listed. `unlisted`: a list
 * answers 200 without it. `refused`: the exact status (absent on /live) and problem `code`, and why.
 */
export type Outcome =
  | { readonly kind: 'allowed'; readonly status?: number }
  | { readonly kind: 'unlisted'; readonly status: 200; readonly why: string }
  | { readonly kind: 'refused'; readonly status?: number; readonly code: string; readonly why: string };

export type Outcomes = Readonly<Record<Role, Outcome>>;

export const allowed = (status?: number): Outcome =>
  status === undefined ? { kind: 'allowed' } : { kind: 'allowed', status };

export const unlisted = (why: string): Outcome => ({ kind: 'unlisted', status: 200, why });

export const refused = (status: number | undefined, code: string, why: string): Outcome =>
  status === undefined ? { kind: 'refused', code, why } : { kind: 'refused', status, code, why };

/** The auth guard's answer on every route that needs a token (problem code `http_401`). */
export const NO_TOKEN = refused(401, 'http_401', 'no bearer token');

/** The same outcome for every caller: public routes, where a token changes nothing. */
export const everyone = (outcome: Outcome): Outcomes =>
  Object.fromEntries(ROLES.map((role) => [role, outcome])) as Record<Role, Outcome>;

/** A route that needs a token: no token is 401, every other column as given. */
export const withToken = (outcomes: Omit<Outcomes, 'anonymous'>): Outcomes => ({
  anonymous: NO_TOKEN,
  ...outcomes,
});

/** A route that needs a token and then allows (or refuses) every signed-in caller alike. */
export const anyToken = (outcome: Outcome): Outcomes => ({ ...everyone(outcome), anonymous: NO_TOKEN });
