import fc from 'fast-check';
import { Role } from '../src/platform/domain/decider';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson } from './support/hostile-values';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 100;

interface BodyRoute {
  readonly path: (ids: Ids) => string;
  readonly actor?: [string, Role];
  /** The fields of the route's DTO, so generated bodies also come close to valid ones. */
  readonly fields: readonly string[];
}

interface Ids {
  readonly thread: string;
  readonly message: string;
}

const asp = (verb: string) => (ids: Ids) => `/api/aspirations/${ids.thread}/${verb}`;
const WARGA: [string, Role] = ['warga-1', 'citizen'];
const FASILITATOR: [string, Role] = ['fasil-1', 'facilitator'];
const PUPR: [string, Role] = ['pupr-1', 'official:dinas-pupr'];
const ADMIN: [string, Role] = ['admin-1', 'admin'];

const BODY_ROUTES: Record<string, BodyRoute> = {
  submit: {
    path: () => '/api/aspirations',
    actor: WARGA,
    fields: ['title', 'body', 'category', 'regionCode', 'visibility', 'anonymous', 'groupId', 'onBehalfOf'],
  },
  verify: { path: asp('verify'), actor: FASILITATOR, fields: [] },
  reject: { path: asp('reject'), actor: FASILITATOR, fields: ['reason'] },
  assign: { path: asp('assign'), actor: FASILITATOR, fields: ['agencyId'] },
  forward: { path: asp('forward'), actor: PUPR, fields: ['toAgencyId', 'reason'] },
  respond: { path: asp('responses'), actor: PUPR, fields: ['body'] },
  reply: { path: asp('replies'), actor: WARGA, fields: ['body'] },
  endorse: { path: asp('endorsements'), actor: ['warga-9', 'citizen'], fields: [] },
  resolve: { path: asp('resolve'), actor: FASILITATOR, fields: ['summary'] },
  rate: { path: asp('rating'), actor: WARGA, fields: ['rating', 'comment'] },
  reopen: { path: asp('reopen'), actor: WARGA, fields: ['reason'] },
  close: { path: asp('close'), actor: WARGA, fields: [] },
  hide: {
    path: (ids) => `/api/aspirations/${ids.thread}/messages/${ids.message}/hide`,
    actor: FASILITATOR,
    fields: ['reason'],
  },
  escalate: { path: asp('escalate'), actor: FASILITATOR, fields: ['stage'] },
  registerAgency: {
    path: () => '/api/agencies',
    actor: ADMIN,
    fields: ['agencyId', 'name', 'regionCode', 'parentAgencyId', 'categories'],
  },
  servedCategories: {
    path: () => '/api/agencies/dinas-pupr/categories',
    actor: ADMIN,
    fields: ['categories'],
  },
  parentAgency: { path: () => '/api/agencies/dinas-pupr/parent', actor: ADMIN, fields: ['parentAgencyId'] },
  addOfficial: {
    path: () => '/api/agencies/dinas-pupr/officials',
    actor: ADMIN,
    fields: ['officialId', 'name'],
  },
  devToken: { path: () => '/api/dev/tokens', fields: ['actorId', 'role', 'regionCode'] },
  open311Client: { path: () => '/api/open311/clients', actor: ADMIN, fields: ['name'] },
};

const QUERY_ROUTES: Record<string, { path: string; actor?: [string, Role]; fields: readonly string[] }> = {
  threads: {
    path: '/api/aspirations',
    fields: [
      'minPosition',
      'cursor',
      'limit',
      'status',
      'category',
      'region',
      'agencyId',
      'groupId',
      'q',
      'sort',
    ],
  },
  mine: { path: '/api/me/aspirations', actor: WARGA, fields: ['minPosition', 'cursor', 'limit'] },
  inbox: { path: '/api/agencies/dinas-pupr/inbox', actor: PUPR, fields: ['minPosition', 'cursor', 'limit'] },
  statistics: { path: '/api/statistics', fields: ['minPosition', 'region'] },
};

/** A body shaped like the route's DTO with hostile values, or anything at all. */
const bodyFor = (fields: readonly string[]) =>
  fields.length === 0
    ? hostileValue
    : fc.oneof(
        hostileValue,
        fc.record(Object.fromEntries(fields.map((field) => [field, hostileValue])), { requiredKeys: [] }),
      );

const queryFor = (fields: readonly string[]) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...fields), hostileString), hostileString), { maxLength: 4 })
      .map((pairs) => new URLSearchParams(pairs).toString()),
    fc.constantFrom(
      'q=%',
      'q=%ff%fe',
      'limit=1&limit=2',
      'limit=1e999',
      'cursor[a]=1',
      'minPosition=-1',
      '%00=1',
    ),
  );

/** A refusal is a problem with a stable code; a validation problem names each field it blames. */
function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  if (response.body.code !== 'invalid_request') return;
  expect(response.body.errors.length).toBeGreaterThan(0);
  for (const error of response.body.errors) expect(typeof error.field).toBe('string');
}

describe('HTTP: hostile input gets a 4xx problem and writes nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let ids: Ids;
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);

  const send = async (method: string, path: string, actor: [string, Role] | undefined, raw?: string) => {
    const token = actor ? await api.tokenFor(...actor) : undefined;
    const headers = raw === undefined ? undefined : { 'content-type': 'application/json' };
    return api.send(method, path, { token, raw, headers });
  };

  /** Sends a request; when it is refused, the event store must not have moved. */
  const refusedWritesNothing = async (method: string, path: string, actor?: [string, Role], raw?: string) => {
    const head = await events.headPosition();
    const response = await send(method, path, actor, raw);
    expectClientProblem(response);
    if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
    return response;
  };

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    running = await startTestApp();
    events = running.app.get(EVENT_STORE);
    api = new ApiClient(running.url);
    const as = actors(api);
    await registerKatinganAgencies(api);
    const submitted = await as.warga.post('/api/aspirations', roadComplaint());
    await as.fasilitator.post(`/api/aspirations/${submitted.body.id}/verify`);
    await as.fasilitator.post(`/api/aspirations/${submitted.body.id}/assign`);
    ids = { thread: submitted.body.id, message: submitted.body.messageId };
  });

  afterAll(async () => {
    await running?.close();
    process.off('unhandledRejection', recordUnhandled);
  });

  afterEach(async () => {
    expect((await fetch(`${running.url}/api/health`)).status).toBeLessThan(500);
    expect(unhandled).toEqual([]);
  });

  it.each(Object.entries(BODY_ROUTES))('POST %s: any body gets a 2xx or a 4xx problem', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.fields), async (body) => {
        await refusedWritesNothing('POST', route.path(ids), route.actor, JSON.stringify(body ?? null));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(Object.entries(QUERY_ROUTES))(
    'GET %s: any query string gets a 2xx or a 4xx problem',
    async (_, route) => {
      await fc.assert(
        fc.asyncProperty(queryFor(route.fields), async (query) => {
          expectClientProblem(await send('GET', `${route.path}?${query}`, route.actor));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(Object.entries(BODY_ROUTES))(
    'POST %s: a 3,000-level body is refused as too deeply nested',
    async (_, route) => {
      const response = await refusedWritesNothing('POST', route.path(ids), route.actor, nestedJson(3_000));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'too_deeply_nested',
        detail: expect.stringContaining('32'),
      });
    },
  );

  it('refuses a prototype key anywhere in a body, naming it', async () => {
    const body = '{"title":"x","onBehalfOf":{"constructor":{"polluted":true}}}';
    const response = await refusedWritesNothing('POST', '/api/aspirations', WARGA, body);
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field: 'onBehalfOf.constructor' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
