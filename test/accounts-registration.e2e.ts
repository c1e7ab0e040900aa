import { randomUUID } from 'node:crypto';
import { LOGIN_KEY } from '../src/accounts/accounts.providers';
import { loginReservationStream } from '../src/accounts/domain/account.streams';
import { phoneLogin } from '../src/accounts/domain/login';
import { EventLog } from '../src/platform/event-log/event-log';
import { ApiClient } from './support/api-client';
import { codesSentTo } from './support/outbox';
import { startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'rumah di tepi sungai';

describe('registration: reservations that never leak, races that never make two accounts (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  const register = (phone: string, displayName = 'Siti Rahma') =>
    api.send('POST', '/api/accounts', { body: { phone, displayName, password: PASSWORD } });
  const codes = (number: string) => codesSentTo(running.config.dataDir, number);

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });

  afterAll(() => running?.close());

  it('completes a registration whose account was never written after its login was reserved', async () => {
    // What a crash between the two appends leaves behind: the login held by an account that does not exist.
    const login = phoneLogin('0812-5555-0001');
    const stream = loginReservationStream(login, running.app.get(LOGIN_KEY));
    const orphan = randomUUID();
    await running.app
      .get(EventLog)
      .append(
        stream,
        [{ type: 'LoginReserved', data: { accountId: orphan, reservedAt: new Date().toISOString() } }],
        'no_stream',
        {
          actor: orphan,
          role: 'citizen',
          commandId: randomUUID(),
          requestDigest: 'crashed',
          correlationId: randomUUID(),
          causationId: randomUUID(),
          occurredAt: new Date().toISOString(),
        },
      );

    expect((await register('0812-5555-0001')).status).toBe(202);
    const [code] = codes(login.value);
    const confirmed = await api.send('POST', '/api/accounts/confirmations', {
      body: { login: '0812-5555-0001', code },
    });
    expect(confirmed.body).toEqual({ status: 'confirmed' });
    const session = await api.send('POST', '/api/sessions', {
      body: { login: '0812-5555-0001', password: PASSWORD },
    });
    expect(session.status).toBe(201);
  });

  it('lets one of many concurrent registrations reserve the login; the others renew it, and one code confirms', async () => {
    const login = phoneLogin('0812-5555-0002');
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, n) => register('0812-5555-0002', `Orang ${n}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(4).fill(202));
    const stream = loginReservationStream(login, running.app.get(LOGIN_KEY));
    const reserved = (await running.app.get(EventLog).read(stream)).map((opened) => opened.event.type);
    expect(reserved).toEqual(['LoginReserved']);
    // Only the newest renewal's code works; the others count as wrong ones (at most three of five).
    const outcomes: string[] = [];
    for (const code of new Set(codes(login.value))) {
      const confirmed = await api.send('POST', '/api/accounts/confirmations', {
        body: { login: login.value, code },
      });
      outcomes.push(confirmed.status === 200 ? confirmed.body.status : confirmed.body.code);
    }
    expect(outcomes.filter((outcome) => outcome === 'confirmed')).toHaveLength(1);
    expect(
      outcomes.filter((outcome) => outcome === 'wrong_code' || outcome === 'account_already_confirmed'),
    ).toHaveLength(outcomes.length - 1);
    const session = await api.send('POST', '/api/sessions', {
      body: { login: '0812-5555-0002', password: PASSWORD },
    });
    expect(session.status).toBe(201);
  });
});
