import { AccountRecords } from '../src/accounts/account-records';
import { LiveClient } from '../src/live/testing/live-client';
import { SESSION_CHANGED, SessionChangedNotice } from '../src/live/session-changes';
import { claimsOf, firstAdmin, SignedIn, signIn } from './support/accounts';
import { ApiClient } from './support/api-client';
import { codesSentTo } from './support/outbox';
import { registerKatinganAgencies } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const PASSWORD = 'perahu motor di sungai katingan';

/** A live client that also records what an account change brings: the notice and the server's disconnect. */
async function connect(url: string, token: string) {
  const client = await LiveClient.connect(url, { token });
  const seen = { changed: [] as SessionChangedNotice[], reason: '' };
  client.socket.on(SESSION_CHANGED, (notice: SessionChangedNotice) => seen.changed.push(notice));
  client.socket.on('disconnect', (reason) => (seen.reason = reason));
  return { client, seen };
}

/** The server's refusal of a handshake: its `data.code`. */
async function refusal(url: string, token: string): Promise<unknown> {
  try {
    (await LiveClient.connect(url, { token })).close();
    return 'connected';
  } catch (error) {
    return (error as { data?: { code?: string } }).data?.code;
  }
}

describe('live connections are told and closed when their account changes, on every instance (e2e)', () => {
  const dataDir = freshDataDir();
  let a: TestApp;
  let b: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  const clients: LiveClient[] = [];
  const open = async (url: string, token: string) => {
    const connection = await connect(url, token);
    clients.push(connection.client);
    return connection;
  };
  const closedWith = async (
    connection: Awaited<ReturnType<typeof connect>>,
    reason: SessionChangedNotice['reason'],
  ) => {
    await waitFor(() => connection.seen.reason !== '', `the server to close (${reason})`);
    expect(connection.seen.changed).toEqual([{ reason, reconnectWith: 'a fresh token' }]);
    // Closed by the server: socket.io-client does not reconnect on its own after this reason.
    expect(connection.seen.reason).toBe('io server disconnect');
  };

  /** A citizen, registered and confirmed through the API, signed in. */
  async function citizen(phone: string, e164: string): Promise<SignedIn> {
    await api.send('POST', '/api/accounts', { body: { phone, displayName: 'Warga', password: PASSWORD } });
    const [code] = codesSentTo(dataDir, e164);
    await api.send('POST', '/api/accounts/confirmations', { body: { login: phone, code } });
    return signIn(api, phone, PASSWORD);
  }

  beforeAll(async () => {
    a = await startTestApp(dataDir);
    // A second instance on the same data, as behind a load balancer: it follows the log from its own head.
    b = await startTestApp(dataDir, undefined, undefined, 'instance-b');
    api = new ApiClient(a.url);
    admin = await firstAdmin(a, api);
    await registerKatinganAgencies(api);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await a.close();
    await b.close();
  });

  it('closes a revoked official’s connections on both instances; the old token is refused, a fresh one works', async () => {
    const official = await citizen('0812-6000-0001', '+6281260000001');
    const path = `/api/accounts/${official.accountId}/role`;
    await api.send('PUT', path, {
      body: { role: 'official', agencyId: 'dinas-pupr' },
      token: admin.accessToken,
    });
    const session = await signIn(api, '0812-6000-0001', PASSWORD);
    expect(claimsOf(session.accessToken).role).toBe('official:dinas-pupr');
    const onA = await open(a.url, session.accessToken);
    const onB = await open(b.url, session.accessToken);
    const bystander = await open(b.url, admin.accessToken);
    expect(await onB.client.subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });

    expect((await api.send('DELETE', path, { token: admin.accessToken })).status).toBe(200);
    await closedWith(onB, 'role_changed');
    await closedWith(onA, 'role_changed');
    expect(bystander.client.socket.connected).toBe(true);

    expect(await refusal(b.url, session.accessToken)).toBe('session_changed');
    const next = await api.send('POST', '/api/sessions/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(claimsOf(next.body.accessToken).role).toBe('citizen');
    const again = await open(b.url, next.body.accessToken);
    expect(await again.client.subscribe('agency:dinas-pupr')).toMatchObject({
      ok: false,
      error: { code: 'inbox_not_yours' },
    });
  });

  it('closes a citizen’s connection when an admin grants a role, so the next token brings it', async () => {
    const person = await citizen('0812-6000-0002', '+6281260000002');
    const live = await open(b.url, person.accessToken);
    const path = `/api/accounts/${person.accountId}/role`;
    await api.send('PUT', path, { body: { role: 'auditor' }, token: admin.accessToken });
    await closedWith(live, 'role_changed');
  });

  it('closes every connection of an account that signed out everywhere', async () => {
    const person = await citizen('0812-6000-0003', '+6281260000003');
    const [onA, onB] = [await open(a.url, person.accessToken), await open(b.url, person.accessToken)];
    expect((await api.send('DELETE', '/api/sessions', { token: person.accessToken })).status).toBe(200);
    await closedWith(onA, 'sessions_ended');
    await closedWith(onB, 'sessions_ended');
  });

  it('closes the connections of a changed password; the token the change answered connects', async () => {
    const person = await citizen('0812-6000-0004', '+6281260000004');
    const live = await open(b.url, person.accessToken);
    const body = { currentPassword: PASSWORD, newPassword: 'rakit bambu di hilir' };
    const changed = await api.send('POST', '/api/me/password', { body, token: person.accessToken });
    expect(changed.status).toBe(200);
    await closedWith(live, 'sessions_ended');
    const fresh = await open(b.url, changed.body.accessToken);
    expect(fresh.client.socket.connected).toBe(true);
  });

  it('closes the connections of an erased account', async () => {
    const person = await citizen('0812-6000-0005', '+6281260000005');
    const live = await open(b.url, person.accessToken);
    // No erasure route yet: the command its route will send, through the one account command path.
    const records = a.app.get(AccountRecords);
    const context = records.contextFor({ id: person.accountId, role: 'citizen' });
    const command = {
      type: 'EraseAccount',
      data: { accountId: person.accountId },
      metadata: { actor: context.actor, now: context.now },
    } as const;
    await records.decide(person.accountId, command, context);
    await closedWith(live, 'account_erased');
    expect(await refusal(b.url, person.accessToken)).toBe('session_changed');
  });
});
