import { randomBytes } from 'node:crypto';
import { ReauthenticatedAck, UnsubscribedMessage } from '../src/live/live-protocol';
import { LiveClient } from '../src/live/testing/live-client';
import { TOKEN_EXPIRED, TokenExpiredNotice } from '../src/live/token-expiry';
import { JwtTokens } from '../src/platform/auth/jwt-tokens';
import { Actor } from '../src/platform/domain/decider';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

const secret = randomBytes(32);
/** Tokens signed with the app's secret that expire within 1–2 s (exp is in whole seconds). */
const shortLived = new JwtTokens(secret, '2s');
const longLived = new JwtTokens(secret, '1h');
const citizen: Actor = { id: 'warga-expiry', role: 'citizen' };

/** A live client that also records what the token's expiry brings: the notice and the server's disconnect. */
async function connect(url: string, token?: string) {
  const client = await LiveClient.connect(url, { token });
  const seen = { expired: [] as TokenExpiredNotice[], unsubscribed: [] as UnsubscribedMessage[], reason: '' };
  client.socket.on(TOKEN_EXPIRED, (notice: TokenExpiredNotice) => seen.expired.push(notice));
  client.socket.on('unsubscribed', (notice: UnsubscribedMessage) => seen.unsubscribed.push(notice));
  client.socket.on('disconnect', (reason) => (seen.reason = reason));
  return { client, seen };
}

describe('live connections end when their token expires (e2e)', () => {
  let running: TestApp;
  const clients: LiveClient[] = [];
  const open = async (token?: string) => {
    const connection = await connect(running.url, token);
    clients.push(connection.client);
    return connection;
  };

  beforeAll(async () => {
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, undefined, {
      ...testConfig(dataDir),
      tokenSecret: secret.toString('base64'),
    });
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => running.close());

  it('tells the client token_expired, then closes the connection from the server side', async () => {
    const { client, seen } = await open(await shortLived.issue(citizen));
    expect(await client.subscribe('feed')).toMatchObject({ ok: true });
    await waitFor(() => seen.reason !== '', 'the server to close the connection at expiry');
    expect(seen.expired).toEqual([{ reconnectWith: 'a fresh token' }]);
    // Closed by the server: socket.io-client does not reconnect on its own after this reason.
    expect(seen.reason).toBe('io server disconnect');
  });

  it('keeps a connection renewed with reauthenticate open past the old expiry', async () => {
    const token = await shortLived.issue(citizen);
    const renewed = await open(token);
    // The same token on a connection that is not renewed shows when the old expiry has passed.
    const control = await open(token);
    const ack = (await renewed.client.send('reauthenticate', {
      token: await longLived.issue(citizen),
    })) as unknown as ReauthenticatedAck;
    expect(ack).toMatchObject({ ok: true, subscriptionsEnded: 0 });
    expect(Date.parse(ack.expiresAt)).toBeGreaterThan(Date.now() + 3_000_000);
    await waitFor(() => control.seen.reason !== '', 'the control connection to expire');
    expect(control.seen.expired).toHaveLength(1);
    expect(await renewed.client.subscribe('feed')).toMatchObject({ ok: true });
    expect(renewed.seen.expired).toEqual([]);
    expect(renewed.client.socket.connected).toBe(true);
  });

  it('refuses a token for another actor, an invalid one, and renewal of an anonymous connection', async () => {
    const { client } = await open(await longLived.issue(citizen));
    const other = await longLived.issue({ id: 'warga-lain', role: 'citizen' });
    expect(await client.send('reauthenticate', { token: other })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'actor_mismatch', field: 'token' }),
    });
    const foreign = await new JwtTokens(randomBytes(32)).issue(citizen);
    expect(await client.send('reauthenticate', { token: foreign })).toMatchObject({
      ok: false,
      error: { code: 'invalid_token', field: 'token' },
    });
    const anonymous = await open();
    expect(await anonymous.client.send('reauthenticate', { token: other })).toMatchObject({
      ok: false,
      error: { code: 'not_authenticated', field: 'token' },
    });
    expect(client.socket.connected && anonymous.client.socket.connected).toBe(true);
  });

  it('ends every subscription when the renewed token carries another role, so access is checked anew', async () => {
    const { client, seen } = await open(await longLived.issue(citizen));
    expect(await client.subscribe('feed')).toMatchObject({ ok: true });
    const ack = await client.send('reauthenticate', {
      token: await longLived.issue({ id: citizen.id, role: 'auditor' }),
    });
    expect(ack).toMatchObject({ ok: true, subscriptionsEnded: 1 });
    await waitFor(() => seen.unsubscribed.length === 1, 'the unsubscribed notice');
    expect(seen.unsubscribed[0]).toMatchObject({ topic: 'feed', reason: 'role_changed' });
    expect(await client.subscribe('feed')).toMatchObject({ ok: true });
  });
});
