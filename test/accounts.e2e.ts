import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { codesSentTo, outboxOf } from './support/outbox';
import { roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const PHONE_AS_TYPED = '0812-3456-7890';
const PHONE = '+6281234567890';
const PASSWORD = 'rumah di tepi sungai';

describe('accounts and sign-in, as a client uses them (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;
  const codes = (address: string) => codesSentTo(running.config.dataDir, address);
  const post = (path: string, body: unknown, token?: string) => api.send('POST', path, { body, token });
  const signIn = (login: string, password = PASSWORD) => post('/api/sessions', { login, password });

  /** Registers, reads the code from the outbox and confirms, as the README walkthrough does. */
  async function registeredAndConfirmed(login: { phone: string } | { email: string }, address: string) {
    const registered = await post('/api/accounts', {
      ...login,
      displayName: 'Siti Rahma',
      password: PASSWORD,
    });
    expect(registered.status).toBe(202);
    const [code] = codes(address);
    const confirmed = await post('/api/accounts/confirmations', { login: Object.values(login)[0], code });
    expect(confirmed.body).toEqual({ status: 'confirmed' });
  }

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    await registeredAndConfirmed({ phone: PHONE_AS_TYPED }, PHONE);
  });

  afterAll(() => running?.close());

  it('sends a six-digit code to the normalised phone, in Bahasa Indonesia', () => {
    const [message] = outboxOf(running.config.dataDir);
    expect(message).toMatchObject({ kind: 'one_time_code', to: { kind: 'phone', address: PHONE } });
    expect(message.text).toMatch(/^Kode Suara Warga Anda: \d{6}\./);
  });

  it('signs in with the phone as typed, and the access token submits an aspiration', async () => {
    const session = await signIn(PHONE_AS_TYPED);
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ expiresIn: 900, tokenType: 'Bearer' });
    const submitted = await post('/api/aspirations', roadComplaint(), session.body.accessToken);
    expect(submitted.status).toBe(201);
    const mine = await api.send('GET', '/api/me/aspirations', { token: session.body.accessToken });
    expect(mine.status).toBe(200);
  });

  it('answers invalid_credentials alike for a wrong password and an unknown login', async () => {
    const wrong = await signIn(PHONE, 'bukan kata sandinya');
    const unknown = await signIn('0813-9999-0000');
    const malformed = await signIn('not a login at all');
    for (const response of [wrong, unknown, malformed])
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 401,
        code: 'invalid_credentials',
      });
  });

  it('rotates refresh tokens; reusing a spent one ends the whole session', async () => {
    const first = (await signIn(PHONE)).body;
    const second = await post('/api/sessions/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const reused = await post('/api/sessions/refresh', { refreshToken: first.refreshToken });
    expect({ status: reused.status, code: reused.body.code }).toEqual({
      status: 401,
      code: 'refresh_token_reused',
    });
    // The thief's copy and the holder's newest token are one family: both are over.
    const newest = await post('/api/sessions/refresh', { refreshToken: second.body.refreshToken });
    expect({ status: newest.status, code: newest.body.code }).toEqual({ status: 401, code: 'session_ended' });
  });

  it('refuses a forged refresh token and writes nothing', async () => {
    const head = await events.headPosition();
    const session = (await signIn(PHONE)).body;
    const afterSignIn = await events.headPosition();
    expect(afterSignIn).not.toEqual(head);
    const forged = `${session.refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    const refused = await post('/api/sessions/refresh', { refreshToken: forged });
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 401,
      code: 'invalid_refresh_token',
    });
    expect(await events.headPosition()).toEqual(afterSignIn);
  });

  it('signs out one session, then all of them', async () => {
    const one = (await signIn(PHONE)).body;
    const other = (await signIn(PHONE)).body;
    const out = await api.send('DELETE', '/api/sessions/current', {
      body: { refreshToken: one.refreshToken },
    });
    expect(out.body).toEqual({ status: 'signed_out' });
    expect((await post('/api/sessions/refresh', { refreshToken: one.refreshToken })).status).toBe(401);
    const stillIn = await post('/api/sessions/refresh', { refreshToken: other.refreshToken });
    expect(stillIn.status).toBe(200);

    const everywhere = await api.send('DELETE', '/api/sessions', { token: stillIn.body.accessToken });
    expect(everywhere.body).toEqual({ status: 'signed_out' });
    const ended = await post('/api/sessions/refresh', { refreshToken: stillIn.body.refreshToken });
    expect({ status: ended.status, code: ended.body.code }).toEqual({ status: 401, code: 'session_ended' });
  });

  it('changes the password: other sessions end, this device gets a new one', async () => {
    const elsewhere = (await signIn(PHONE)).body;
    const here = (await signIn(PHONE)).body;
    const wrong = await post(
      '/api/me/password',
      { currentPassword: 'bukan kata sandinya', newPassword: 'sungai di tepi rumah' },
      here.accessToken,
    );
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 403, code: 'wrong_password' });
    const changed = await post(
      '/api/me/password',
      { currentPassword: PASSWORD, newPassword: 'sungai di tepi rumah' },
      here.accessToken,
    );
    expect(changed.status).toBe(200);
    expect((await post('/api/sessions/refresh', { refreshToken: elsewhere.refreshToken })).status).toBe(401);
    expect((await post('/api/sessions/refresh', { refreshToken: changed.body.refreshToken })).status).toBe(
      200,
    );
    expect((await signIn(PHONE, 'sungai di tepi rumah')).status).toBe(201);
    expect((await signIn(PHONE)).status).toBe(401);
    // Back to the walkthrough's password for the tests that follow.
    const restored = await post(
      '/api/me/password',
      { currentPassword: 'sungai di tepi rumah', newPassword: PASSWORD },
      changed.body.accessToken,
    );
    expect(restored.status).toBe(200);
  });

  it('resets a forgotten password with a code; unknown logins get the same answer and no code', async () => {
    const before = outboxOf(running.config.dataDir).length;
    const unknown = await post('/api/accounts/password-resets', { login: 'nobody@example.id' });
    expect(unknown.status).toBe(202);
    expect(outboxOf(running.config.dataDir)).toHaveLength(before);

    const session = (await signIn(PHONE)).body;
    expect((await post('/api/accounts/password-resets', { login: PHONE_AS_TYPED })).status).toBe(202);
    const code = codes(PHONE).at(-1)!;
    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await post('/api/accounts/password-resets/confirmations', {
      login: PHONE,
      code: wrongCode,
      newPassword: 'kata sandi baru sekali',
    });
    expect({ status: wrong.status, code: wrong.body.code }).toEqual({ status: 400, code: 'wrong_code' });
    const reset = await post('/api/accounts/password-resets/confirmations', {
      login: PHONE,
      code,
      newPassword: 'kata sandi baru sekali',
    });
    expect(reset.body).toEqual({ status: 'password_reset' });
    expect((await signIn(PHONE, 'kata sandi baru sekali')).status).toBe(201);
    expect((await post('/api/sessions/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('registers by e-mail; a taken login answers the same 202 and sends its holder nothing', async () => {
    await registeredAndConfirmed({ email: 'Budi@Example.ID' }, 'budi@example.id');
    const again = await post('/api/accounts', {
      email: 'budi@example.id',
      displayName: 'Penyusup',
      password: 'kata sandi penyusup',
    });
    expect(again.status).toBe(202);
    expect(codes('budi@example.id')).toHaveLength(1);
    expect((await signIn('budi@example.id', 'kata sandi penyusup')).status).toBe(401);
    expect((await signIn('BUDI@example.id')).status).toBe(201);
  });

  it('counts wrong confirmation codes and locks after five', async () => {
    const email = 'dewi@example.id';
    await post('/api/accounts', { email, displayName: 'Dewi', password: PASSWORD });
    const [code] = codes(email);
    const wrongCode = code === '000000' ? '000001' : '000000';
    const answers = [];
    for (let attempt = 0; attempt < 6; attempt++)
      answers.push((await post('/api/accounts/confirmations', { login: email, code: wrongCode })).body.code);
    expect(answers).toEqual([...Array(5).fill('wrong_code'), 'code_locked']);
    const locked = await post('/api/accounts/confirmations', { login: email, code });
    expect(locked.body.code).toBe('code_locked');
    const unconfirmed = await signIn(email);
    expect({ status: unconfirmed.status, code: unconfirmed.body.code }).toEqual({
      status: 409,
      code: 'account_not_confirmed',
    });
  });

  it('sends a new confirmation code on request: it unlocks, and the old one no longer works', async () => {
    const email = 'dewi@example.id';
    expect((await post('/api/accounts/confirmation-codes', { login: email })).status).toBe(202);
    const [old, fresh] = codes(email);
    if (old !== fresh) {
      const stale = await post('/api/accounts/confirmations', { login: email, code: old });
      expect(stale.body.code).toBe('wrong_code');
    }
    const confirmed = await post('/api/accounts/confirmations', { login: email, code: fresh });
    expect(confirmed.body).toEqual({ status: 'confirmed' });
    // Confirmed accounts get no more codes, and the answer does not say so.
    expect((await post('/api/accounts/confirmation-codes', { login: email })).status).toBe(202);
    expect(codes(email)).toHaveLength(2);
  });

  it('names the field of a registration it refuses', async () => {
    const both = await post('/api/accounts', {
      phone: PHONE_AS_TYPED,
      email: 'a@example.id',
      displayName: 'X',
      password: PASSWORD,
    });
    expect(both.body.errors).toContainEqual(expect.objectContaining({ field: 'email' }));
    const badPhone = await post('/api/accounts', { phone: '12', displayName: 'X', password: PASSWORD });
    expect(badPhone.body.errors).toContainEqual(expect.objectContaining({ field: 'phone' }));
    const short = await post('/api/accounts', {
      phone: '0812-1111-2222',
      displayName: 'X',
      password: 'pendek',
    });
    expect(short.body).toMatchObject({ code: 'invalid_password_length' });
    expect(short.body.errors).toContainEqual(expect.objectContaining({ field: 'password' }));
  });
});
