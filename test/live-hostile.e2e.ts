import fc from 'fast-check';
import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { LiveAck } from '../src/live/live-protocol';
import { LiveClient } from '../src/live/testing/live-client';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient } from './support/api-client';
import { hostileValue, nestedJson, positions, topics } from './support/hostile-values';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';
import { spawnTs } from './support/ts-child';
import { waitFor } from './support/wait-for';

const RUNS = 200;

/** Messages within the socket's size limit (16 KB); a larger one only closes its own connection. */
const fitsAMessage = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null)) < 12_000;
const liveValue = hostileValue.filter(fitsAMessage);

const failed = (ack: LiveAck) => (ack.ok ? undefined : ack.error);

/** Every refusal is a client error with a stable code, never the server's own failure. */
function expectClientError(ack: LiveAck): void {
  const error = failed(ack);
  if (!error) return;
  expect(error.code).not.toBe('internal_error');
  if (error.code === 'invalid_request') expect(typeof error.field).toBe('string');
}

/**
 * Sends a Socket.IO event whose payload is raw JSON text, below the client's encoder: socket.io-client walks
 * a payload recursively, so a 3,000-level one could overflow the test's own stack before it left.
 */
function sendRaw(client: LiveClient, event: string, json: string): Promise<LiveAck> {
  const engine = client.socket.io.engine;
  const ackId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  const ackPrefix = `3/live,${ackId}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event} within 5 s`)), 5_000);
    const onMessage = (data: unknown) => {
      if (typeof data !== 'string' || !data.startsWith(ackPrefix)) return;
      clearTimeout(timer);
      engine.off('message', onMessage);
      resolve((JSON.parse(data.slice(ackPrefix.length)) as LiveAck[])[0]);
    };
    engine.on('message', onMessage);
    engine.write(`2/live,${ackId}${JSON.stringify([event]).slice(0, -1)},${json}]`);
  });
}

describe('live updates: hostile messages never take the server down (e2e)', () => {
  let running: TestApp;
  let client: LiveClient;
  let events: EventStore;
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, undefined, {
      ...testConfig(dataDir),
      live: { messagesPerSecond: 100_000, messageBurst: 100_000, catchUpTimeoutMs: 50 },
    });
    events = running.app.get(EVENT_STORE);
  });

  beforeEach(async () => (client = await LiveClient.connect(running.url)));
  afterEach(() => client.close());

  afterAll(async () => {
    await running?.close();
    process.off('unhandledRejection', recordUnhandled);
  });

  const stillAnswers = async () => {
    const fresh = await LiveClient.connect(running.url);
    try {
      expect(await fresh.subscribe('feed')).toMatchObject({ ok: true, topic: 'feed' });
    } finally {
      fresh.close();
    }
    expect((await fetch(`${running.url}/api/health`)).status).toBeLessThan(500);
    expect(unhandled).toEqual([]);
  };

  it('answers subscribe {"topic":"feed","since":null} without a token with an error naming since', async () => {
    const ack = await client.send('subscribe', { topic: 'feed', since: null });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_request', field: 'since' } });
    await stillAnswers();
  });

  it('answers any subscribe payload with an ack, never an internal error, and writes nothing', async () => {
    const head = await events.headPosition();
    const payload = fc
      .oneof(
        hostileValue,
        fc.record({ topic: fc.oneof(topics, hostileValue), since: fc.oneof(positions, hostileValue) }),
        fc.record({ topic: topics, since: hostileValue }, { requiredKeys: ['topic'] }),
      )
      .filter(fitsAMessage);
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const ack = await client.send('subscribe', body);
        expectClientError(ack);
        if (ack.ok) await client.unsubscribe(ack.topic);
      }),
      { numRuns: RUNS },
    );
    expect(await events.headPosition()).toEqual(head);
    await stillAnswers();
  });

  it('answers any unsubscribe payload, and extra or missing arguments, with an ack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(liveValue, fc.record({ topic: liveValue })), async (body) => {
        expectClientError(await client.send('unsubscribe', body));
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(liveValue, { maxLength: 4 }).filter(fitsAMessage), async (args) => {
        expectClientError(await client.send('subscribe', ...args));
      }),
      { numRuns: 50 },
    );
    await stillAnswers();
  });

  it('answers any reauthenticate payload with an ack, never an internal error, and keeps the session', async () => {
    const token = await new ApiClient(running.url).tokenFor('warga-hostile', 'citizen');
    const authenticated = await LiveClient.connect(running.url, { token });
    try {
      const payload = fc.oneof(liveValue, fc.record({ token: liveValue })).filter(fitsAMessage);
      await fc.assert(
        fc.asyncProperty(payload, async (body) => {
          const ack = await authenticated.send('reauthenticate', body);
          expect(ack.ok).toBe(false);
          expectClientError(ack);
        }),
        { numRuns: RUNS },
      );
      expect(await authenticated.subscribe('feed')).toMatchObject({ ok: true });
    } finally {
      authenticated.close();
    }
    await stillAnswers();
  });

  it('answers without an ack by emitting a problem, for any payload', async () => {
    const problems: unknown[] = [];
    client.socket.on('problem', (problem: unknown) => problems.push(problem));
    client.socket.emit('subscribe', { topic: 'feed', since: null });
    client.socket.emit('subscribe');
    await waitFor(() => problems.length === 2, 'two problems');
    expect(problems[0]).toMatchObject({ code: 'invalid_request', field: 'since' });
    await stillAnswers();
  });

  it('closes only the connection of a message over the size limit', async () => {
    const closed = new Promise((resolve) => client.socket.once('disconnect', resolve));
    client.socket.emit('subscribe', { topic: 'x'.repeat(20_000) });
    await closed;
    await stillAnswers();
  });

  it.each(['subscribe', 'unsubscribe', 'reauthenticate'])(
    'refuses a 3,000-level %s payload as too deeply nested',
    async (event) => {
      const ack = await sendRaw(client, event, nestedJson(3_000));
      expect(ack).toMatchObject({ ok: false, error: { code: 'too_deeply_nested' } });
      await stillAnswers();
    },
  );
});

/** A free TCP port for a child server: asked of the OS, then released. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('live updates: the crashing message against a real server process (e2e)', () => {
  let child: ChildProcess;
  let url: string;
  let exited = false;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawnTs('src/main.ts', [], {
      PORT: String(port),
      DATA_DIR: freshDataDir(),
      SUARA_DEV_TOKENS: 'true',
      NODE_ENV: 'test',
      MONGO_URL: undefined,
      EVENTSTORE_URL: undefined,
    });
    child.stdout!.resume();
    child.stderr!.resume();
    child.on('exit', () => (exited = true));
    const healthy = () =>
      fetch(`${url}/api/health`).then(
        (response) => response.status < 500,
        () => false,
      );
    await waitFor(healthy, 'the child server to answer', 60_000);
  }, 90_000);

  afterAll(() => {
    if (!exited) child.kill('SIGKILL');
  });

  it('stays up and still answers /api/health', async () => {
    const client = await LiveClient.connect(url);
    try {
      const ack = await client.send('subscribe', { topic: 'feed', since: null });
      expect(ack).toMatchObject({ ok: false, error: { field: 'since' } });
      // A later round trip on the same socket proves the process handled everything sent before it.
      expect(await client.subscribe('feed')).toMatchObject({ ok: true });
    } finally {
      client.close();
    }
    expect(exited).toBe(false);
    expect((await fetch(`${url}/api/health`)).status).toBeLessThan(500);
    expect(exited).toBe(false);
  });
});
