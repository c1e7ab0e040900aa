import fc from 'fast-check';
import { memberKeyOf } from '../src/groups/domain/group.streams';
import { Role } from '../src/platform/domain/decider';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson } from './support/hostile-values';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 60;

interface Ids {
  readonly group: string;
  readonly closed: string;
  readonly draft: string;
  readonly memberKey: string;
  readonly report: string;
}

type Actor = [string, Role];
const COORDINATOR: Actor = ['warga-1', 'citizen'];
const MEMBER: Actor = ['warga-2', 'citizen'];
const FASILITATOR: Actor = ['fasil-1', 'facilitator'];

const BODY_ROUTES: Record<string, { path: (ids: Ids) => string; actor: Actor; fields: readonly string[] }> = {
  found: {
    path: () => '/api/groups',
    actor: FASILITATOR,
    fields: ['name', 'description', 'regionCode', 'joinPolicy', 'signatureThreshold'],
  },
  propose: {
    path: () => '/api/groups',
    actor: ['warga-7', 'citizen'],
    fields: ['name', 'description', 'regionCode', 'joinPolicy', 'signatureThreshold'],
  },
  approve: { path: (ids) => `/api/groups/${ids.group}/approve`, actor: FASILITATOR, fields: [] },
  join: { path: (ids) => `/api/groups/${ids.closed}/join`, actor: ['warga-8', 'citizen'], fields: [] },
  leave: { path: (ids) => `/api/groups/${ids.group}/leave`, actor: ['warga-9', 'citizen'], fields: [] },
  approveJoin: {
    path: (ids) => `/api/groups/${ids.closed}/join-requests/${ids.memberKey}/approve`,
    actor: COORDINATOR,
    fields: [],
  },
  declineJoin: {
    path: (ids) => `/api/groups/${ids.closed}/join-requests/${ids.memberKey}/decline`,
    actor: COORDINATOR,
    fields: [],
  },
  appoint: {
    path: (ids) => `/api/groups/${ids.group}/coordinators/${ids.memberKey}`,
    actor: COORDINATOR,
    fields: [],
  },
  dissolve: { path: (ids) => `/api/groups/${ids.closed}/dissolve`, actor: FASILITATOR, fields: ['reason'] },
  draft: {
    path: (ids) => `/api/groups/${ids.group}/drafts`,
    actor: COORDINATOR,
    fields: ['title', 'body', 'category', 'regionCode', 'anonymous'],
  },
  record: {
    path: (ids) => `/api/groups/${ids.group}/reports`,
    actor: MEMBER,
    fields: ['source', 'summary', 'monitoredOn', 'photo'],
  },
  comment: {
    path: (ids) => `/api/groups/${ids.group}/reports/${ids.report}/comments`,
    actor: MEMBER,
    fields: ['body'],
  },
  raise: {
    path: (ids) => `/api/groups/${ids.group}/reports/${ids.report}/aspiration`,
    actor: MEMBER,
    fields: ['title', 'body', 'category', 'regionCode', 'visibility', 'anonymous', 'asGroupDraft'],
  },
  sign: {
    path: (ids) => `/api/groups/${ids.group}/drafts/${ids.draft}/signatures`,
    actor: MEMBER,
    fields: [],
  },
};

const PAGE = ['minPosition', 'cursor', 'limit'];
const QUERY_ROUTES: Record<string, { path: (ids: Ids) => string; actor?: Actor; fields: readonly string[] }> =
  {
    groups: { path: () => '/api/groups', fields: [...PAGE, 'region', 'status'] },
    group: { path: (ids) => `/api/groups/${ids.group}`, fields: ['minPosition'] },
    members: {
      path: (ids) => `/api/groups/${ids.group}/members`,
      actor: COORDINATOR,
      fields: [...PAGE, 'status'],
    },
    drafts: { path: (ids) => `/api/groups/${ids.group}/drafts`, actor: MEMBER, fields: PAGE },
    aspirations: {
      path: (ids) => `/api/groups/${ids.group}/aspirations`,
      fields: [...PAGE, 'status', 'category', 'region', 'q', 'sort'],
    },
    mine: { path: () => '/api/me/groups', actor: MEMBER, fields: PAGE },
    reports: { path: (ids) => `/api/groups/${ids.group}/reports`, actor: MEMBER, fields: PAGE },
    report: {
      path: (ids) => `/api/groups/${ids.group}/reports/${ids.report}`,
      actor: MEMBER,
      fields: ['minPosition'],
    },
    feed: { path: (ids) => `/api/groups/${ids.group}/feed`, fields: PAGE },
  };

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
    fc.constantFrom('cursor=WyJ4IiwxXQ', 'cursor[$gt]=', 'limit=0', 'limit=101', 'status=left', 'region=62.'),
  );

function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  if (response.body.code !== 'invalid_request') return;
  for (const error of response.body.errors) expect(typeof error.field).toBe('string');
}

describe('groups: hostile input gets a 4xx problem and writes nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let ids: Ids;

  const send = async (method: string, path: string, actor: Actor | undefined, raw?: string) => {
    const token = actor ? await api.tokenFor(...actor) : undefined;
    const headers = raw === undefined ? undefined : { 'content-type': 'application/json' };
    return api.send(method, path, { token, raw, headers });
  };

  const refusedWritesNothing = async (method: string, path: string, actor?: Actor, raw?: string) => {
    const head = await events.headPosition();
    const response = await send(method, path, actor, raw);
    expectClientProblem(response);
    if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
    return response;
  };

  beforeAll(async () => {
    running = await startTestApp();
    events = running.app.get(EVENT_STORE);
    api = new ApiClient(running.url);
    const as = (actor: Actor) => api.as(...actor);
    const charter = { name: 'KIM Kasongan Baru', regionCode: '62.06.02.1003' };
    const group = (await as(FASILITATOR).post('/api/groups', { ...charter, joinPolicy: 'open' })).body.id;
    const closed = (await as(FASILITATOR).post('/api/groups', { ...charter, joinPolicy: 'closed' })).body.id;
    for (const actor of [COORDINATOR, MEMBER, ['warga-9', 'citizen'] as Actor])
      await as(actor).post(`/api/groups/${group}/join`);
    await as(FASILITATOR).post(`/api/groups/${group}/coordinators/${memberKeyOf(group, COORDINATOR[0])}`);
    await as(COORDINATOR).post(`/api/groups/${closed}/join`);
    await as(FASILITATOR).post(
      `/api/groups/${closed}/join-requests/${memberKeyOf(closed, COORDINATOR[0])}/approve`,
    );
    await as(FASILITATOR).post(`/api/groups/${closed}/coordinators/${memberKeyOf(closed, COORDINATOR[0])}`);
    await as(['warga-5', 'citizen']).post(`/api/groups/${closed}/join`);
    const draft = await as(COORDINATOR).post(`/api/groups/${group}/drafts`, {
      title: 'Lampu jalan desa padam',
      body: 'Lampu jalan di sepanjang jalan desa padam sejak sebulan, warga takut keluar malam.',
      category: 'infrastruktur',
      anonymous: false,
    });
    const report = await as(MEMBER).post(`/api/groups/${group}/reports`, {
      source: 'Papan pengumuman kantor desa',
      summary: 'Jadwal penyaluran pupuk bersubsidi mundur dua minggu tanpa penjelasan.',
      monitoredOn: '2026-01-05',
    });
    ids = {
      group,
      closed,
      draft: draft.body.id,
      memberKey: memberKeyOf(closed, 'warga-5'),
      report: report.body.id,
    };
  });

  afterAll(() => running?.close());

  afterEach(async () => expect((await fetch(`${running.url}/api/health`)).status).toBeLessThan(500));

  it.each(Object.entries(BODY_ROUTES))('POST %s: any body gets a 2xx or a 4xx problem', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.fields), async (body) => {
        await refusedWritesNothing('POST', route.path(ids), route.actor, JSON.stringify(body ?? null));
      }),
      { numRuns: RUNS },
    );
  });

  it.each(Object.entries(QUERY_ROUTES))('GET %s: any query gets a 2xx or a 4xx problem', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(queryFor(route.fields), async (query) => {
        expectClientProblem(await send('GET', `${route.path(ids)}?${query}`, route.actor));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a member key that is not one, naming it, and writes nothing', async () => {
    for (const key of ['ZZ', 'a'.repeat(33), '%00', 'A'.repeat(32)]) {
      const response = await refusedWritesNothing(
        'POST',
        `/api/groups/${ids.group}/coordinators/${key}`,
        COORDINATOR,
        '{}',
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field: 'memberKey', message: expect.any(String) }]);
    }
  });

  it.each(Object.entries(BODY_ROUTES))('POST %s: a deeply nested body is refused', async (_, route) => {
    const response = await refusedWritesNothing('POST', route.path(ids), route.actor, nestedJson(3_000));
    expect(response.status).toBe(400);
  });
});
