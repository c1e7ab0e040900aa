import pino from 'pino';
import { io, Socket } from 'socket.io-client';
import { projectionNamed } from '../projections';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { ErasureSweep } from '../src/accounts/erasure/erasure-sweep';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { EventLog } from '../src/platform/event-log/event-log';
import { KEY_STORE, KeyStore } from '../src/platform/personal-data/key-store.port';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { codesSentTo, outboxOf } from './support/outbox';
import { roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const PASSWORD = 'rumah di tepi sungai';

describe('DELETE /api/me: who may erase, and what an erased account can still do (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  const post = (path: string, body: unknown, token?: string) => api.send('POST', path, { body, token });
  const erase = (token: string | undefined, body: unknown = { password: PASSWORD }) =>
    api.send('DELETE', '/api/me', { body, token });

  /** A confirmed, signed-in citizen: their access token, refresh token and account id. */
  async function citizen(phone: string, e164: string) {
    await post('/api/accounts', { phone, displayName: 'Siti Rahma', password: PASSWORD });
    const [code] = codesSentTo(running.config.dataDir, e164);
    await post('/api/accounts/confirmations', { login: phone, code });
    const session = (await post('/api/sessions', { login: phone, password: PASSWORD })).body;
    const payload = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString());
    return { ...session, accountId: payload.sub as string };
  }

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
  });

  afterAll(() => running?.close());

  it('asks for a token and the current password, and writes nothing when either is wrong', async () => {
    const siti = await citizen('0812-1111-2222', '+6281211112222');
    const head = await events.headPosition();
    expect((await erase(undefined)).status).toBe(401);
    const wrong = await erase(siti.accessToken, { password: 'bukan kata sandinya' });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 403, code: 'wrong_password' });
    const missing = await erase(siti.accessToken, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'password' }));
    expect(await events.headPosition()).toEqual(head);
    // A token from the development issuer names no account.
    const devCitizen = await api.tokenFor('warga-tanpa-akun', 'citizen');
    expect((await erase(devCitizen)).body.code).toBe('account_not_found');
  });

  it('erases: no sign-in, no refresh, no new personal data, and the login is free again', async () => {
    const budi = await citizen('0812-3333-4444', '+6281233334444');
    const submitted = await post('/api/aspirations', roadComplaint(), budi.accessToken);
    expect(submitted.status).toBe(201);
    const live: Socket = io(`${running.url}/live`, {
      auth: { token: budi.accessToken },
      transports: ['websocket'],
    });
    const told: string[] = [];
    // Every instance's session-change follower tells and closes the connections of an erased account.
    live.on('session_changed', ({ reason }: { reason: string }) => told.push(reason));
    await new Promise<void>((resolve) => live.once('connect', () => resolve()));

    const erased = await erase(budi.accessToken);
    expect(erased.status).toBe(204);
    expect(erased.body).toBeUndefined();
    await waitFor(
      () => told[0] === 'account_erased' && live.disconnected,
      'the live connection to be told and closed',
    );

    expect((await post('/api/sessions', { login: '0812-3333-4444', password: PASSWORD })).status).toBe(401);
    expect((await post('/api/sessions/refresh', { refreshToken: budi.refreshToken })).status).toBe(401);
    // The access token lives on for minutes, but stores nothing of the person any more.
    const again = await post(
      '/api/aspirations',
      roadComplaint({ title: 'Lampu jalan padam' }),
      budi.accessToken,
    );
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'person_erased' });
    expect((await erase(budi.accessToken)).body.code).toBe('account_not_found');
    const keys: KeyStore = running.app.get(KEY_STORE);
    await expect(keys.keyFor(budi.accountId)).rejects.toThrow(/erased/);

    const mine = await api.send('GET', '/api/me/aspirations', { token: budi.accessToken });
    expect(mine.body.items).toEqual([]);
    expect(outboxOf(running.config.dataDir).some((line) => line.to.address === '+6281233334444')).toBe(false);
    const newcomer = await citizen('0812-3333-4444', '+6281233334444');
    expect(newcomer.accountId).not.toBe(budi.accountId);
  });

  it('answers 202 while the read models lag, and the sweep finishes once they catch up', async () => {
    const dewi = await citizen('0812-5555-6666', '+6281255556666');
    await post('/api/aspirations', roadComplaint(), dewi.accessToken);
    await Promise.all(running.runners.map((runner) => runner.stop()));

    const erased = await erase(dewi.accessToken);
    expect({ status: erased.status, body: erased.body }).toEqual({
      status: 202,
      body: { status: 'completing' },
    });
    const keys: KeyStore = running.app.get(KEY_STORE);
    expect((await keys.keyFor(dewi.accountId)).id).toBeDefined();
    expect((await post('/api/sessions', { login: '0812-5555-6666', password: PASSWORD })).status).toBe(401);

    // The read models that name people: the erasure waits for each of them.
    const restarted = ['aspirations', 'notifications'].map(
      (name) =>
        new ProjectionRunner(projectionNamed(name), {
          events,
          documents: running.app.get(DOCUMENT_STORE),
          sealer: running.app.get(EventLog).sealer,
          logger: pino({ level: 'silent' }),
          holder: 'test:restarted',
          leaseTtlMs: 1_000,
        }),
    );
    restarted.forEach((runner) => runner.start());
    try {
      await waitFor(async () => {
        await running.app.get(ErasureSweep).trigger();
        return keys.keyFor(dewi.accountId).then(
          () => false,
          () => true,
        );
      }, 'the sweep to finish the erasure');
    } finally {
      await Promise.all(restarted.map((runner) => runner.stop()));
    }
  });
});
