import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, nestedJson } from './support/hostile-values';
import { codesSentTo } from './support/outbox';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 60;
const PASSWORD = 'rumah di tepi sungai';
const PENDING = 'dewi@example.id';

interface AccountRoute {
  readonly method: 'POST' | 'DELETE';
  readonly path: string;
  readonly signedIn?: boolean;
  /** The fields of the route's DTO, so generated bodies also come close to valid ones. */
  readonly fields: readonly string[];
}

const ROUTES: Record<string, AccountRoute> = {
  register: { method: 'POST', path: '/api/accounts', fields: ['phone', 'email', 'displayName', 'password'] },
  confirm: {
    method: 'POST',
    path: '/api/accounts/confirmations',
    fields: ['login', 'code', 'password'],
  },
  reissueCode: { method: 'POST', path: '/api/accounts/confirmation-codes', fields: ['login'] },
  requestReset: { method: 'POST', path: '/api/accounts/password-resets', fields: ['login'] },
  reset: {
    method: 'POST',
    path: '/api/accounts/password-resets/confirmations',
    fields: ['login', 'code', 'newPassword'],
  },
  signIn: { method: 'POST', path: '/api/sessions', fields: ['login', 'password'] },
  refresh: { method: 'POST', path: '/api/sessions/refresh', fields: ['refreshToken'] },
  signOut: { method: 'DELETE', path: '/api/sessions/current', fields: ['refreshToken'] },
  changePassword: {
    method: 'POST',
    path: '/api/me/password',
    signedIn: true,
    fields: ['currentPassword', 'newPassword'],
  },
  eraseAccount: { method: 'DELETE', path: '/api/me', signedIn: true, fields: ['password'] },
};

/** A body shaped like the route's DTO with hostile values (plausible logins among them), or anything. */
const bodyFor = (fields: readonly string[]) => {
  const value = fc.oneof(hostileValue, hostileString, fc.constantFrom('0812-3456-7890', 'siti@example.id'));
  return fc.oneof(
    hostileValue,
    fc.record(Object.fromEntries(fields.map((field) => [field, value])), { requiredKeys: [] }),
  );
};

/** A refusal is a problem with a stable code; a validation problem names each field it blames. */
function expectClientProblem(response: ApiResponse, fields: readonly string[]): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  for (const error of response.body.errors ?? []) expect(typeof error.field).toBe('string');
  if (response.body.code !== 'invalid_request' || fields.length === 0) return;
  expect(response.body.errors.length).toBeGreaterThan(0);
}

describe('HTTP: hostile bodies on account and session routes get a 4xx problem and write nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  let accessToken: string;
  /** A six-digit code that is not the one sent to PENDING, an account still waiting for confirmation. */
  let wrongCode: string;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    const login = '0812-3456-7890';
    await api.send('POST', '/api/accounts', {
      body: { phone: login, displayName: 'Siti Rahma', password: PASSWORD },
    });
    const [code] = codesSentTo(running.config.dataDir, '+6281234567890');
    await api.send('POST', '/api/accounts/confirmations', { body: { login, code } });
    const session = await api.send('POST', '/api/sessions', { body: { login, password: PASSWORD } });
    accessToken = session.body.accessToken;
    await api.send('POST', '/api/accounts', {
      body: { email: PENDING, displayName: 'Dewi', password: PASSWORD },
    });
    const [pendingCode] = codesSentTo(running.config.dataDir, PENDING);
    wrongCode = pendingCode === '000000' ? '000001' : '000000';
  });

  afterAll(() => running?.close());

  const send = (route: AccountRoute, raw: string) =>
    api.send(route.method, route.path, {
      raw,
      headers: { 'content-type': 'application/json' },
      token: route.signedIn ? accessToken : undefined,
    });

  it.each(Object.entries(ROUTES))('%s: any body gets a 2xx or a 4xx problem', async (_, route) => {
    await fc.assert(
      fc.asyncProperty(bodyFor(route.fields), async (body) => {
        const head = await events.headPosition();
        const response = await send(route, JSON.stringify(body ?? null));
        expectClientProblem(response, route.fields);
        if (response.status >= 400) expect(await events.headPosition()).toEqual(head);
      }),
      { numRuns: RUNS },
    );
  });

  it('confirm: any password beside a well-formed code is refused naming it, or counts as a wrong attempt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileValue, hostileString), async (password) => {
        const head = await events.headPosition();
        const body = JSON.stringify({ login: PENDING, code: wrongCode, password });
        const response = await send(ROUTES.confirm, body);
        expectClientProblem(response, ['password']);
        // A password of the right shape is an attempt, counted like a wrong code; anything else is refused
        // (naming the password, or the whole body when it is not JSON a parser may read) and writes nothing.
        const attempt = ['wrong_code', 'code_locked'].includes(response.body.code);
        if (typeof password !== 'string' && password !== undefined) expect(attempt).toBe(false);
        if (attempt) return;
        expect(response.status).toBe(400);
        const blamed: string[] = (response.body.errors ?? []).map((error: { field: string }) => error.field);
        for (const field of blamed) expect(field).toMatch(/^password(\.|$)/);
        expect(await events.headPosition()).toEqual(head);
      }),
      { numRuns: RUNS },
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
    ['register', { phone: '0812-3456-7891', displayName: 'Siti', password: 7 }, 'password'],
    ['register', { email: 'siti@example.id', displayName: '\u202eevil', password: PASSWORD }, 'displayName'],
    ['register', { email: ['a@b.id'], displayName: 'Siti', password: PASSWORD }, 'email'],
    ['register', { displayName: 'Siti', password: PASSWORD }, 'phone'],
    ['confirm', { login: '0812-3456-7890', code: '12345' }, 'code'],
    ['confirm', { login: '0812-3456-7890', code: '123456', password: 7 }, 'password'],
    ['confirm', { login: '0812-3456-7890', code: '123456', password: null }, 'password'],
    ['confirm', { login: '0812-3456-7890', code: '123456', password: '' }, 'password'],
    ['confirm', { login: '0812-3456-7890', code: '123456', password: 'x'.repeat(1025) }, 'password'],
    ['reset', { login: '0812-3456-7890', code: '123456', newPassword: 'pendek' }, 'newPassword'],
    ['signIn', { login: { $ne: null }, password: PASSWORD }, 'login'],
    ['refresh', { refreshToken: 'x'.repeat(201) }, 'refreshToken'],
    ['changePassword', { currentPassword: PASSWORD, newPassword: '0812-3456-7890' }, 'newPassword'],
    ['eraseAccount', { password: 7 }, 'password'],
    ['eraseAccount', { password: PASSWORD, reason: 'pindah' }, 'reason'],
  ])('%s: %j is refused naming %s, and nothing is written', async (name, body, field) => {
    const head = await events.headPosition();
    const response = await send(ROUTES[name], JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    expect(await events.headPosition()).toEqual(head);
  });
});
