import fc from 'fast-check';
import { Role } from '../src/platform/domain/decider';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson } from './support/hostile-values';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 60;

interface Ids {
  readonly group: string;
  readonly announcement: string;
  readonly question: string;
}

type Actor = [string, Role];
const MEMBER: Actor = ['warga-1', 'citizen'];
const FASILITATOR: Actor = ['fasil-1', 'facilitator'];
const OFFICIAL: Actor = ['pupr-1', 'official:dinas-pupr'];

const BODY_ROUTES: Record<string, { path: (ids: Ids) => string; actor: Actor; fields: readonly string[] }> = {
  publish: {
    path: () => '/api/announcements',
    actor: OFFICIAL,
    fields: ['title', 'body', 'link', 'regionCode', 'groupIds'],
  },
  publishAsFacilitator: {
    path: () => '/api/announcements',
    actor: FASILITATOR,
    fields: ['title', 'body', 'link', 'regionCode', 'groupIds'],
  },
  correct: {
    path: (ids) => `/api/announcements/${ids.announcement}/corrections`,
    actor: OFFICIAL,
    fields: ['title', 'body', 'link'],
  },
  withdraw: {
    path: (ids) => `/api/announcements/${ids.announcement}/withdraw`,
    actor: OFFICIAL,
    fields: ['reason'],
  },
  acknowledge: {
    path: (ids) => `/api/announcements/${ids.announcement}/acknowledgements`,
    actor: MEMBER,
    fields: [],
  },
  ask: { path: (ids) => `/api/announcements/${ids.announcement}/questions`, actor: MEMBER, fields: ['text'] },
  answer: {
    path: (ids) => `/api/announcements/${ids.announcement}/questions/${ids.question}/answer`,
    actor: OFFICIAL,
    fields: ['text'],
  },
};

const PAGE = ['minPosition', 'cursor', 'limit'];
const QUERY_ROUTES: Record<string, { path: (ids: Ids) => string; actor?: Actor; fields: readonly string[] }> =
  {
    list: { path: () => '/api/announcements', fields: [...PAGE, 'region', 'group'] },
    detail: { path: (ids) => `/api/announcements/${ids.announcement}`, fields: ['minPosition'] },
    mine: { path: () => '/api/me/announcements', actor: MEMBER, fields: PAGE },
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
    fc.constantFrom(
      'cursor=WyJ4IiwxXQ',
      'cursor[$gt]=',
      'limit=0',
      'limit=101',
      'group[$ne]=x',
      'region=62.',
    ),
  );

function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  if (response.body.code !== 'invalid_request') return;
  for (const error of response.body.errors) expect(typeof error.field).toBe('string');
}

describe('announcements: hostile input gets a 4xx problem and writes nothing (e2e)', () => {
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
    const charter = { name: 'KIM Kasongan Baru', regionCode: '62.06.02.1003', joinPolicy: 'open' };
    const group = (await as(FASILITATOR).post('/api/groups', charter)).body.id;
    await as(MEMBER).post(`/api/groups/${group}/join`);
    const published = await as(OFFICIAL).post('/api/announcements', {
      title: 'Jadwal perbaikan jalan poros',
      body: 'Perbaikan jalan poros desa dimulai Senin depan.',
      groupIds: [group],
    });
    const announcement = published.body.id;
    const asked = await as(MEMBER).post(`/api/announcements/${announcement}/questions`, { text: 'Kapan?' });
    const detail = await as(MEMBER).get(
      `/api/announcements/${announcement}?minPosition=${asked.body.position}`,
    );
    ids = { group, announcement, question: detail.body.questions[0].questionId };
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

  it('refuses an id or question id that is not a UUID, naming it, and writes nothing', async () => {
    for (const [path, field] of [
      ['/api/announcements/nope/withdraw', 'id'],
      [`/api/announcements/${ids.announcement}/questions/x/answer`, 'questionId'],
    ]) {
      const response = await refusedWritesNothing('POST', path, OFFICIAL, '{"text":"x","reason":"x"}');
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ field, message: expect.any(String) }]);
    }
  });

  it.each(Object.entries(BODY_ROUTES))('POST %s: a deeply nested body is refused', async (_, route) => {
    const response = await refusedWritesNothing('POST', route.path(ids), route.actor, nestedJson(3_000));
    expect(response.status).toBe(400);
  });
});
