import { LiveGateway } from '../src/live/live.gateway';
import { LiveError } from '../src/live/live-protocol';
import { LiveClient } from '../src/live/testing/live-client';
import { ApiClient } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

type Step = Promise<{ status: number; body: { id: string; position: string } }>;

async function step(request: Step) {
  const response = await request;
  if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

const disconnected = (client: LiveClient) =>
  new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));

describe('live updates: slow and hostile clients (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let thread: { id: string; topic: string; position: string };
  const clients: LiveClient[] = [];
  const connect = async (transports?: Array<'websocket' | 'polling'>) => {
    const client = await LiveClient.connect(running.url, { transports });
    clients.push(client);
    return client;
  };
  /** Endorsements by distinct citizens: one change of the thread each. */
  const endorse = async (count: number, from: number) => {
    const done = [];
    for (let i = from; i < from + count; i++)
      done.push(
        await step(api.as(`warga-${i}`, 'citizen').post(`/api/aspirations/${thread.id}/endorsements`)),
      );
    return done.map((d) => d.position);
  };

  beforeAll(async () => {
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, undefined, {
      ...testConfig(dataDir),
      live: {
        maxSubscriptionsPerSocket: 3,
        messagesPerSecond: 5,
        messageBurst: 10,
        maxBufferedPackets: 3,
        maxBacklog: 6,
        catchUpTimeoutMs: 200,
      },
    });
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    const { id } = await step(as.warga.post('/api/aspirations', roadComplaint()));
    const verified = await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
    thread = { id, topic: `aspiration:${id}`, position: verified.position };
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => running.close());

  it('answers every malformed message with an error naming the field', async () => {
    const client = await connect();
    const error = async (event: string, ...args: unknown[]) => {
      const ack = await client.send(event, ...args);
      expect(ack.ok).toBe(false);
      return (ack as { error: LiveError }).error;
    };
    expect(await error('subscribe', 'feed')).toMatchObject({ code: 'invalid_request', field: 'topic' });
    expect(await error('subscribe', { topic: 'aspiration:42' })).toMatchObject({ field: 'topic' });
    expect(await error('subscribe', { topic: 'feed', since: '-1' })).toMatchObject({
      code: 'invalid_request',
      field: 'since',
      message: 'since: since must be a position this API returned',
    });
    expect(await error('subscribe', { topic: 'feed', admin: true })).toMatchObject({ field: 'admin' });
    expect(await error('unsubscribe', { topic: 7 })).toMatchObject({ field: 'topic' });
    expect(await error('subscribe', { topic: 'feed', since: '99999999999' })).toMatchObject({
      code: 'unknown_position',
      field: 'since',
    });
    // Without an ack callback the answer comes as a `problem` event.
    const problem = new Promise((resolve) => client.socket.once('problem', resolve));
    client.socket.emit('subscribe', 42);
    expect(await problem).toMatchObject({ code: 'invalid_request', field: 'topic' });
  });

  it('closes a connection that sends a message over the size limit', async () => {
    const client = await connect();
    const closed = disconnected(client);
    client.socket.emit('subscribe', { topic: 'x'.repeat(20_000) });
    expect(await closed).toBe('transport close');
  });

  it('limits subscriptions per connection', async () => {
    const client = await connect();
    for (const topic of ['feed', 'region:62', 'region:62.06'])
      expect(await client.subscribe(topic)).toMatchObject({ ok: true });
    expect(await client.subscribe('region:62.71')).toMatchObject({
      ok: false,
      error: { code: 'too_many_subscriptions' },
    });
    expect(await client.subscribe('feed')).toMatchObject({ ok: true });
    await client.unsubscribe('region:62');
    expect(await client.subscribe('region:62.71')).toMatchObject({ ok: true });
  });

  it('tells a client that sends no acknowledgement callback that it was rate-limited', async () => {
    const client = await connect();
    const problems: LiveError[] = [];
    client.socket.on('problem', (problem: LiveError) => problems.push(problem));
    for (let i = 0; i < 12; i++) client.socket.emit('unsubscribe', { topic: 'feed' });
    await waitFor(() => problems.length >= 2, 'two rate_limited problems');
    expect(problems.slice(0, 2)).toEqual(Array(2).fill(expect.objectContaining({ code: 'rate_limited' })));
  });

  it('rate-limits messages, and disconnects a client that keeps flooding', async () => {
    const burst = await connect();
    const acks = await Promise.all(Array.from({ length: 12 }, () => burst.unsubscribe('feed')));
    expect(acks.filter((ack) => ack.ok)).toHaveLength(10);
    expect(acks.slice(10)).toEqual(
      Array(2).fill({ ok: false, error: expect.objectContaining({ code: 'rate_limited' }) }),
    );
    expect(burst.socket.connected).toBe(true);

    const flood = await connect();
    const closed = disconnected(flood);
    const flooded = await Promise.allSettled(Array.from({ length: 30 }, () => flood.unsubscribe('feed')));
    expect(await closed).toBe('io server disconnect');
    expect(flooded.filter((result) => result.status === 'fulfilled' && result.value.ok)).toHaveLength(10);
  });

  it('tells a resume with more missed changes than the backlog limit to refetch', async () => {
    const positions = await endorse(7, 100);
    const client = await connect();
    // A subscribe with `since` waits (here only 200 ms, then refuses) for this server to reach it: once it is
    // accepted, all seven are in the log behind it.
    await waitFor(
      async () => (await client.subscribe('feed', positions[6])).ok,
      'the server to reach the last',
    );
    expect(await client.subscribe(thread.topic, thread.position)).toMatchObject({ ok: true, refetch: true });
    expect(client.changes).toEqual([]);
    expect(await client.subscribe(thread.topic, positions[0])).toMatchObject({ ok: true });
    await client.until(() => client.changes.length === 6, 'the six missed endorsements');
    expect(client.changes.map((change) => change.position)).toEqual(positions.slice(1));
  });

  it('disconnects a consumer whose unsent buffer passes the bound; the others go on, and it can resume', async () => {
    const gateway = running.app.get(LiveGateway);
    const fast = await connect();
    const slow = await connect(['polling']);
    const acks = [await fast.subscribe(thread.topic), await slow.subscribe(thread.topic)];
    const from = (acks[1] as { position: string }).position;
    const slowId = slow.socket.id!;
    expect(gateway.namespace.sockets.has(slowId)).toBe(true);
    // Stop polling: from now on the server can only buffer what it sends this client.
    (slow.socket.io.engine.transport as unknown as { pause(done: () => void): void }).pause(() => undefined);
    const positions = await endorse(6, 200);
    await fast.until(() => fast.changes.length === 6, 'every change at the fast client');
    await waitFor(() => !gateway.namespace.sockets.has(slowId), 'the slow consumer to be disconnected');
    expect(fast.socket.connected).toBe(true);

    const resumed = await connect();
    expect(await resumed.subscribe(thread.topic, from)).toMatchObject({ ok: true });
    await resumed.until(() => resumed.changes.length === 6, 'the resumed changes');
    expect(resumed.changes.map((change) => change.position)).toEqual(positions);
  });
});
