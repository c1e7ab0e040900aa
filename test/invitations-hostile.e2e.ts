import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { firstAdmin } from './support/accounts';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson } from './support/hostile-values';
import { registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 50;
const ACCOUNT_ID = '00000000-0000-4000-8000-000000000000';

interface Route {
  readonly method: 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  /** Sent with the admin's token; the acceptance is public. */
  readonly asAdmin: boolean;
  readonly fields: readonly string[];
}

const ROUTES: Record<string, Route> = {
  invite: {
    method: 'POST',
    path: '/api/invitations',
    asAdmin: true,
    fields: ['phone', 'email', 'displayName', 'role', 'agencyId', 'regionCode'],
  },
  accept: {
    method: 'POST',
    path: '/api/invitations/acceptances',
    asAdmin: false,
    fields: ['login', 'code', 'password'],
  },
  grant: {
    method: 'PUT',
    path: `/api/accounts/${ACCOUNT_ID}/role`,
    asAdmin: true,
    fields: ['role', 'agencyId', 'regionCode'],
  },
};

/** Bodies shaped like the route's DTO, with hostile values and plausible ones, so some come close to valid. */
const bodyFor = (fields: readonly string[]) => {
  const plausible = fc.constantFrom(
    '0812-3456-7890',
    'siti@example.id',
    'official',
    'facilitator',
    'auditor',
    'dinas-pupr',
    '62.06',
    '123456',
    'kata sandi yang panjang',
  );
  const value = fc.oneof(hostileValue, hostileString, plausible);
  return fc.oneof(
    hostileValue,
    fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] }),
  );
};

/** Any string as a path segment: percent-encoded byte by byte (lone surrogates become U+FFFD, as UTF-8 has it). */
const pathSegment = (text: string): string =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

/** A refusal is a problem with a stable code; a validation problem names each field it blames. */
function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  for (const error of response.body.errors ?? []) expect(typeof error.field).toBe('string');
}

describe('HTTP: hostile input on invitation and role routes gets a 4xx problem and writes nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let adminToken: string;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    adminToken = (await firstAdmin(running, api)).accessToken;
    await registerKatinganAgencies(api);
  });

  afterAll(() => running?.close());

  const send = (route: Route, raw: string, path = route.path) =>
    api.send(route.method, path, {
      raw,
      headers: { 'content-type': 'application/json' },
      token: route.asAdmin ? adminToken : undefined,
    });

  it.each(Object.entries(ROUTES))('%s: any body gets a 2xx or a 4xx problem', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.fields), async (body) => {
        const head = await events.headPosition();
        const response = await send(route, JSON.stringify(body ?? null));
        expectClientProblem(response);
        if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    ['PUT', '/api/accounts/%s/role'],
    ['DELETE', '/api/accounts/%s/role'],
    ['POST', '/api/invitations/%s/codes'],
    ['DELETE', '/api/invitations/%s'],
  ])('%s %s: any id in the path gets a 4xx problem and writes nothing', async (method, template) => {
    await fc.assert(
      // At most 100 characters: Fastify answers longer path parameters itself with a 414 that is not a problem
      // (FST_ERR_MAX_PARAM_LENGTH), on every route with a parameter; a platform matter, reported separately.
      fc.asyncProperty(
        fc
          .oneof(hostileString, fc.uuid())
          // '.' and '..' are dot segments even percent-encoded: the URL resolves them, so they address another route.
          .filter((text) => text !== '.' && text !== '..')
          .map(pathSegment)
          .filter((segment) => segment.length <= 100),
        async (id) => {
          const head = await events.headPosition();
          const path = template.replace('%s', id);
          const body = method === 'PUT' ? { role: 'auditor' } : undefined;
          const response = await api.send(method, path, { body, token: adminToken });
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(typeof response.body?.code).toBe('string');
          expect(await events.headPosition()).toEqual(head);
        },
      ),
      { numRuns: 30 },
    );
  });

  it.each(Object.entries(ROUTES))(
    '%s: a 3,000-level body is refused as too deeply nested',
    async (_, route) => {
      const head = await events.headPosition();
      const response = await send(route, nestedJson(3_000));
      expect(response.body).toMatchObject({ status: 400, code: 'too_deeply_nested' });
      expect(await events.headPosition()).toEqual(head);
    },
  );

  it.each([
    ['invite', { phone: '0812-1', displayName: 'Budi', role: 'official', agencyId: 'dinas-pupr' }, 'phone'],
    ['invite', { email: 'a@b.id', phone: '0812-3456-7890', displayName: 'Budi', role: 'official' }, 'email'],
    [
      'invite',
      { email: 'a@b.id', displayName: '\u202eBudi', role: 'official', agencyId: 'dinas-pupr' },
      'displayName',
    ],
    ['invite', { email: 'a@b.id', displayName: 'Budi', role: 'admin' }, 'role'],
    [
      'invite',
      { email: 'a@b.id', displayName: 'Budi', role: 'official', agencyId: 'Dinas PUPR' },
      'agencyId',
    ],
    [
      'invite',
      { email: 'a@b.id', displayName: 'Budi', role: 'facilitator', regionCode: { $ne: 1 } },
      'regionCode',
    ],
    ['accept', { login: '0812-3456-7890', code: '12345', password: 'kata sandi panjang' }, 'code'],
    ['accept', { login: '0812-1', code: '123456', password: 'kata sandi panjang' }, 'login'],
    ['accept', { login: '0812-3456-7890', code: '123456', password: 'pendek' }, 'password'],
    ['grant', { role: 'system' }, 'role'],
    ['grant', { role: 'facilitator', regionCode: '62.6' }, 'regionCode'],
  ])('%s: %j is refused naming %s, and nothing is written', async (name, body, field) => {
    const head = await events.headPosition();
    const response = await send(ROUTES[name], JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    expect(await events.headPosition()).toEqual(head);
  });
});
