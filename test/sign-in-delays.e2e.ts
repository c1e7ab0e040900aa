import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { codesSentTo } from './support/outbox';
import { startTestApp, TestApp } from './support/test-app';

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
