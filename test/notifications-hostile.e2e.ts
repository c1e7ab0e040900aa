import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson, positions } from './support/hostile-values';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 50;

const kinds = fc.constantFrom(
  'response',
  'reply',
  'status',
  'assignment',
  'deadline',
  'escalation',
  'gossip',
  '',
);
const channels = fc.oneof(
  hostileValue,
  fc.array(fc.oneof(fc.constantFrom('email', 'sms', 'push', 'pigeon'), hostileString), { maxLength: 8 }),
);
const clockTimes = fc.oneof(hostileString, fc.constantFrom('22:00', '06:00', '24:00', '7:00', '23:59'));
const preferences = fc.oneof(
  hostileValue,
  fc.record(
    {
      channels: fc.oneof(hostileValue, fc.dictionary(kinds, channels, { maxKeys: 7 })),
      quietHours: fc.oneof(
        hostileValue,
        fc.record({ start: clockTimes, end: clockTimes }, { requiredKeys: [] }),
      ),
      regionCode: fc.oneof(hostileValue, fc.constantFrom('62.06', '99.99', '62.06.02.1003')),
    },
    { requiredKeys: [] },
  ),
);
const keyText = fc.oneof(
  hostileString,
  fc.constantFrom(Buffer.alloc(65, 4).toString('base64url'), Buffer.alloc(16, 1).toString('base64url')),
);
const pushSubscription = fc.oneof(
  hostileValue,
  fc.record(
    {
      endpoint: fc.oneof(
        hostileString,
        fc.constantFrom(
          'https://fcm.googleapis.com/fcm/send/x',
          'http://fcm.googleapis.com/x',
          'https://169.254.169.254/latest/meta-data',
          'https://localhost/x',
        ),
      ),
      keys: fc.oneof(hostileValue, fc.record({ p256dh: keyText, auth: keyText }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
);
// Encodable (no lone surrogates) and within Fastify's 100-character path parameter, past which it answers a bare 414
// on every route (not a problem document: left to the platform's HTTP layer).
// '.' and '..' are dot segments even percent-encoded: the URL resolves them, so they address another route.
const pathValue = hostileString.filter(
  (value) =>
    !/\p{Cs}/u.test(value) && encodeURIComponent(value).length <= 100 && value !== '.' && value !== '..',
);
const markRead = fc.oneof(
  hostileValue,
  fc.record({ upTo: fc.oneof(positions, hostileValue) }, { requiredKeys: [] }),
);

/** A refusal is a problem with a stable code; a validation problem names each field it blames. */
function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  for (const error of response.body.errors ?? []) expect(typeof error.field).toBe('string');
}

describe('HTTP: hostile input on following and notification routes gets a 4xx problem and writes nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let token: string;
  let aspirationId: string;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    await registerKatinganAgencies(api);
    token = await api.tokenFor('warga-9', 'citizen');
    const submitted = await api.as('warga-1', 'citizen').post('/api/aspirations', roadComplaint());
    aspirationId = submitted.body.id;
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${aspirationId}/verify`);
  });
  afterAll(() => running?.close());

  const BODIES: Record<string, { method: string; path: () => string; body: fc.Arbitrary<unknown> }> = {
    follow: { method: 'POST', path: () => `/api/aspirations/${aspirationId}/follow`, body: hostileValue },
    markRead: { method: 'POST', path: () => '/api/me/notifications/read', body: markRead },
    preferences: { method: 'PUT', path: () => '/api/me/notification-preferences', body: preferences },
    pushSubscription: { method: 'POST', path: () => '/api/me/push-subscriptions', body: pushSubscription },
  };

  it.each(Object.entries(BODIES))(
    '%s: any body gets a 2xx or a 4xx problem, and a 4xx writes nothing',
    async (_, r) => {
      await fc.assert(
        fc.asyncProperty(r.body, async (body) => {
          const head = await events.headPosition();
          const response = await api.send(r.method, r.path(), {
            raw: JSON.stringify(body ?? null),
            headers: { 'content-type': 'application/json' },
            token,
          });
          expectClientProblem(response);
          if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(Object.entries(BODIES))('%s: a 3,000-level body is refused as too deeply nested', async (_, r) => {
    const head = await events.headPosition();
    const response = await api.send(r.method, r.path(), {
      raw: nestedJson(3_000),
      headers: { 'content-type': 'application/json' },
      token,
    });
    expect(response.body).toMatchObject({ status: 400, code: 'too_deeply_nested' });
    expect(await events.headPosition()).toEqual(head);
  });

  const queryValue = fc.oneof(hostileString, positions, fc.constantFrom('true', 'false', '0', '101', '-1'));
  const query = fc.dictionary(
    fc.constantFrom('limit', 'cursor', 'unread', 'minPosition', 'other'),
    queryValue,
    {
      maxKeys: 4,
    },
  );
  it.each(['/api/me/notifications', '/api/me/follows', '/api/me/notification-preferences'])(
    '%s: any query gets a 200 or a 4xx problem',
    async (path) => {
      await fc.assert(
        fc.asyncProperty(query, async (params) => {
          const search = new URLSearchParams(params as Record<string, string>).toString();
          expectClientProblem(await api.send('GET', `${path}?${search}`, { token }));
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each([
    ['POST', '/api/aspirations/{x}/follow'],
    ['DELETE', '/api/aspirations/{x}/follow'],
    ['POST', '/api/me/notifications/{x}/read'],
    ['DELETE', '/api/me/push-subscriptions/{x}'],
  ])(
    '%s %s: any path parameter gets a 4xx problem or its answer, and writes nothing when refused',
    async (method, path) => {
      await fc.assert(
        fc.asyncProperty(pathValue, async (value) => {
          const head = await events.headPosition();
          const response = await api.send(method, path.replace('{x}', encodeURIComponent(value)), { token });
          expectClientProblem(response);
          if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each([
    ['preferences', { channels: { response: ['pigeon'] } }, 'channels.response'],
    ['preferences', { channels: { gossip: ['email'] } }, 'channels.gossip'],
    ['preferences', { channels: {}, quietHours: { start: '22:00', end: '22:00' } }, 'quietHours'],
    ['preferences', { channels: {}, quietHours: { start: '25:00', end: '06:00' } }, 'quietHours.start'],
    ['preferences', { channels: {}, regionCode: '99.99' }, 'regionCode'],
    ['markRead', { upTo: '01' }, 'upTo'],
    [
      'pushSubscription',
      { endpoint: 'https://169.254.169.254/x', keys: { p256dh: 'a', auth: 'b' } },
      'endpoint',
    ],
    [
      'pushSubscription',
      { endpoint: 'https://fcm.googleapis.com/fcm/send/x', keys: { p256dh: 'a', auth: 'b' } },
      'keys.p256dh',
    ],
  ])('%s: %j is refused naming %s, and nothing is written', async (name, body, field) => {
    const head = await events.headPosition();
    const r = BODIES[name];
    const response = await api.send(r.method, r.path(), { body, token });
    expect(response.status).toBe(400);
    const named = [
      ...(response.body.errors ?? []).map((e: { field: string }) => e.field),
      response.body.field,
    ];
    expect(named).toContain(field);
    expect(await events.headPosition()).toEqual(head);
  });
});
