import { LOGIN_KEY } from '../src/accounts/accounts.providers';
import { auditDigest } from '../src/accounts/security-audit/sign-in-audit';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { codesSentTo } from './support/outbox';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const PASSWORD = 'rumah di tepi sungai';

describe('sign-in: growing waits after failed attempts, never a lockout (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  // Time stands still unless the test moves it, so each wait is exact.
  const clock = new MutableClock(new Date('2026-11-30T08:00:00+07:00'));
  const signIn = (login: string, password: string) =>
    api.send('POST', '/api/sessions', { body: { login, password } });

  beforeAll(async () => {
    running = await startTestApp(undefined, clock);
    api = new ApiClient(running.url);
    const body = { phone: '0812-1111-2222', displayName: 'Budi', password: PASSWORD };
    expect((await api.send('POST', '/api/accounts', { body })).status).toBe(202);
    const [code] = codesSentTo(running.config.dataDir, '+6281211112222');
    const confirmation = { login: '0812-1111-2222', code };
    expect((await api.send('POST', '/api/accounts/confirmations', { body: confirmation })).status).toBe(200);
  });

  afterAll(() => running?.close());

  it('answers 429 with Retry-After after repeated failures, in any spelling, and lets the owner in after the wait', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('0812-1111-2222', 'salah sandi')).status).toBe(401);
    const waiting = await signIn('+62 812 1111 2222', PASSWORD);
    expect(waiting.status).toBe(429);
    expect(waiting.body).toMatchObject({ code: 'rate_limited' });
    expect(waiting.headers.get('retry-after')).toBe('1');

    clock.set('2026-11-30T08:00:01+07:00');
    expect((await signIn('0812-1111-2222', PASSWORD)).status).toBe(201);
    // A success starts over: the next mistake is free again.
    expect((await signIn('0812-1111-2222', 'salah sandi')).status).toBe(401);
    expect((await signIn('0812-1111-2222', PASSWORD)).status).toBe(201);
  });
});

describe('sign-in: a burst of failures becomes an audit event, by keyed digests only (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  const clock = new MutableClock(new Date('2026-12-01T08:00:00+07:00'));
  const signIn = (login: string, password: string) =>
    api.send('POST', '/api/sessions', { body: { login, password } });
  const auditStream = 'security-audit-2026-12-01';

  beforeAll(async () => {
    running = await startTestApp(undefined, clock);
    api = new ApiClient(running.url);
  });

  afterAll(() => running?.close());

  it('appends one SignInFailureBurst as system at the tenth failure in a row, then none for the same run', async () => {
    const log = running.app.get(EventLog);
    for (let i = 0; i < 12; i++) {
      // Past each growing wait (at most 30 s), well within the 15 minutes after which a run starts over.
      clock.set(new Date(Date.parse('2026-12-01T08:00:00+07:00') + i * 60_000).toISOString());
      expect((await signIn('0812-3333-4444', `salah sandi ${i}`)).status).toBe(401);
    }
    await waitFor(async () => (await log.read(auditStream)).length > 0, 'the burst to be recorded');
    const recorded = await log.read(auditStream);
    expect(recorded).toHaveLength(1);
    const [{ event, metadata }] = recorded;
    const key = running.app.get<Buffer>(LOGIN_KEY);
    expect(event).toEqual({
      type: 'SignInFailureBurst',
      data: {
        loginDigest: auditDigest(key, 'login', '+6281233334444'),
        addressDigest: auditDigest(key, 'address', '127.0.0.1'),
        failures: 10,
        windowStartedAt: '2026-12-01T01:00:00.000Z',
        at: '2026-12-01T01:09:00.000Z',
      },
    });
    expect(metadata).toMatchObject({ actor: 'platform:sign-in', role: 'system' });
    const rows = await running.app.get<EventStore>(EVENT_STORE).readStream(auditStream);
    const stored = JSON.stringify(rows.map(({ data, metadata: meta }) => ({ data, meta })));
    expect(stored).not.toContain('6281233334444');
    expect(stored).not.toContain('127.0.0.1');
  });
});
