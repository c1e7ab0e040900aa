// Live updates at 1,000 and 10,000 subscribers of one thread on one instance: latency from the HTTP command to
// the change's receipt at every subscriber (p50, p99 over all receipts), and the server's memory per socket, next
// to a bare Socket.IO server that broadcasts the same message to a room of as many clients, in the same run.
// Run: npm run bench:live   (BENCH_SUBSCRIBERS=1000 BENCH_COMMANDS=5 for a quick look)
// Each server runs in a child process (its memory is its own); all clients are socket.io-client sockets in this
// process, websocket transport only.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { Server } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import { projections } from '../projections';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { createApp } from '../src/app';
import { AppConfig } from '../src/app-config';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE } from '../src/platform/event-store/event-store.port';

const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '1000,10000').split(',').map(Number);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10);
const CONNECT_BATCH = 250;
const RECEIPT_TIMEOUT_MS = 120_000;

type Kind = 'suara-warga' | 'raw socket.io';
interface ChildServer {
  readonly url: string;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): void;
}

// ---- servers (child processes) ----

async function serveApp(): Promise<string> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'suara-live-bench-'));
  const config: AppConfig = {
    port: 0,
    dataDir,
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
    documentStore: { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
    keyStore: { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') },
    devTokens: true,
  };
  const app = await createApp(config);
  for (const projection of projections) {
    const deps = {
      events: app.get(EVENT_STORE),
      documents: app.get(DOCUMENT_STORE),
      sealer: app.get(EventLog).sealer,
      logger: pino({ level: 'silent' }),
      holder: 'bench',
    };
    new ProjectionRunner(projection, deps).start();
  }
  await app.listen(0, '127.0.0.1');
  return (await app.getUrl()).replace('[::1]', '127.0.0.1');
}

/** The baseline: a room broadcast, triggered by an HTTP POST like the app's command. */
async function serveRaw(): Promise<string> {
  const http = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const message = JSON.parse(body);
      namespace.to(message.topic).emit('change', message);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const namespace = new Server(http, { maxHttpBufferSize: 16 * 1024, serveClient: false }).of('/live');
  namespace.on('connection', (socket) =>
    socket.on('subscribe', (request: { topic: string }, ack: (answer: object) => void) => {
      void socket.join(request.topic);
      ack({ ok: true, topic: request.topic });
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function serve(kind: Kind): Promise<void> {
  const url = kind === 'suara-warga' ? await serveApp() : await serveRaw();
  process.on('message', (message) => {
    if (message !== 'memory') return;
    global.gc?.();
    global.gc?.();
    process.send!({ memory: process.memoryUsage() });
  });
  process.send!({ url });
}

function startServer(kind: Kind): Promise<ChildServer> {
  const child = fork(__filename, ['--serve', kind], { execArgv: ['--expose-gc'] });
  const next = () => new Promise<Record<string, unknown>>((resolve) => child.once('message', resolve));
  return next().then(({ url }) => ({
    url: url as string,
    memory: async () => {
      const answer = next();
      child.send('memory');
      return (await answer).memory as NodeJS.MemoryUsage;
    },
    // The server closes the connections, so the TIME_WAITs stay off this process's ephemeral ports.
    stop: () => child.kill('SIGKILL'),
  }));
}

// ---- clients (this process) ----

interface Subscribers {
  readonly sockets: Socket[];
  /** The last change received by the first subscriber (a real message, for the baseline to imitate). */
  readonly last: () => { position: string; payload: unknown } | undefined;
  /** Arms before a command: resolves with each subscriber's receipt time of the next change. */
  next(): Promise<Float64Array>;
}

async function subscribe(url: string, topic: string, count: number): Promise<Subscribers> {
  const sockets: Socket[] = [];
  let after = -1n;
  let times = new Float64Array(count);
  let received = 0;
  let last: { position: string; payload: unknown } | undefined;
  let done: () => void = () => undefined;
  const connectOne = (index: number) =>
    new Promise<void>((resolve, reject) => {
      const socket = io(`${url}/live`, { transports: ['websocket'], forceNew: true, reconnection: false });
      socket.on('change', (change: { position: string; payload: unknown }) => {
        if (index === 0) last = change;
        if (BigInt(change.position) <= after || times[index] !== 0) return;
        times[index] = performance.now();
        if (++received === count) done();
      });
      socket.once('connect_error', reject);
      socket.once('connect', () =>
        socket.emit('subscribe', { topic }, (ack: { ok: boolean; position?: string }) => {
          if (!ack.ok) return reject(new Error(JSON.stringify(ack)));
          if (ack.position && BigInt(ack.position) > after) after = BigInt(ack.position);
          resolve();
        }),
      );
      sockets.push(socket);
    });
  for (let from = 0; from < count; from += CONNECT_BATCH)
    await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, count - from) }, (_, i) => connectOne(from + i)),
    );
  return {
    sockets,
    last: () => last,
    next: () => {
      times = new Float64Array(count);
      received = 0;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${received}/${count} received`)),
          RECEIPT_TIMEOUT_MS,
        );
        done = () => {
          clearTimeout(timer);
          after = BigInt(last?.position ?? after);
          resolve(times);
        };
      });
    },
  };
}

async function post(url: string, body: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, string>;
  if (!response.ok) throw new Error(`${url}: ${JSON.stringify(answer)}`);
  return answer;
}

const tokenFor = async (url: string, actorId: string, role: string) =>
  (await post(`${url}/api/dev/tokens`, { actorId, role })).token as string;

/** A verified public thread: its anonymous followers are one room (`aspiration:<id>#public`). */
async function verifiedThread(url: string): Promise<string> {
  const submitted = await post(
    `${url}/api/aspirations`,
    {
      title: 'Jalan rusak di Kasongan Baru',
      body: 'Jalan utama desa berlubang besar sejak bulan lalu dan membahayakan pengendara motor.',
      category: 'infrastruktur',
      regionCode: '62.06.02.1003',
      visibility: 'public',
      anonymous: false,
    },
    await tokenFor(url, 'warga-1', 'citizen'),
  );
  await post(
    `${url}/api/aspirations/${submitted.id}/verify`,
    {},
    await tokenFor(url, 'fasil-1', 'facilitator'),
  );
  return submitted.id;
}

// ---- measurement ----

interface Result {
  readonly kind: Kind;
  readonly subscribers: number;
  readonly latencies: number[];
  /** How long each HTTP command took to answer (the app's includes the durable append). */
  readonly answers: number[];
  readonly heapPerSocket: number;
  readonly rssPerSocket: number;
  readonly sample: unknown;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function measure(
  kind: Kind,
  count: number,
  setUp: (url: string) => Promise<string>,
  command: (url: string, k: number) => Promise<void>,
): Promise<Result> {
  const server = await startServer(kind);
  const topic = await setUp(server.url);
  // One subscriber first, so code paths are warm and the baseline excludes first-use allocations.
  const warm = await subscribe(server.url, topic, 1);
  const before = await server.memory();
  const subscribers = await subscribe(server.url, topic, count);
  const after = await server.memory();
  const latencies: number[] = [];
  const answers: number[] = [];
  for (let k = 0; k < COMMANDS; k++) {
    const receipts = subscribers.next();
    const sent = performance.now();
    await command(server.url, k);
    answers.push(performance.now() - sent);
    (await receipts).forEach((at) => latencies.push(at - sent));
  }
  server.stop();
  [...warm.sockets, ...subscribers.sockets].forEach((socket) => socket.close());
  return {
    kind,
    subscribers: count,
    latencies: latencies.sort((a, b) => a - b),
    answers: answers.sort((a, b) => a - b),
    heapPerSocket: (after.heapUsed - before.heapUsed) / count,
    rssPerSocket: (after.rss - before.rss) / count,
    sample: subscribers.last()?.payload,
  };
}

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus()[0]?.model}, ${os.cpus().length} cores, node ${process.version}`);
  console.log(
    `${COMMANDS} commands per run; one thread, anonymous followers (one room); websocket transport\n`,
  );
  const rows: Result[] = [];
  for (const count of SIZES) {
    let thread = '';
    let tokens: string[] = [];
    const app = await measure(
      'suara-warga',
      count,
      async (url) => {
        thread = await verifiedThread(url);
        // Tokens first: only the command itself is timed.
        const citizens = Array.from({ length: COMMANDS }, (_, k) =>
          tokenFor(url, `pendukung-${k}`, 'citizen'),
        );
        tokens = await Promise.all(citizens);
        return `aspiration:${thread}`;
      },
      async (url, k) => void (await post(`${url}/api/aspirations/${thread}/endorsements`, {}, tokens[k])),
    );
    // The bare server broadcasts a message of the same shape and size as the app's endorsement change.
    const raw = await measure(
      'raw socket.io',
      count,
      async () => 'thread',
      async (url, k) => {
        const message = { topic: 'thread', position: String(k + 1), eventType: 'AspirationEndorsed' };
        await post(`${url}/broadcast`, { ...message, payload: app.sample });
      },
    );
    rows.push(app, raw);
  }
  const ms = (value: number) => value.toFixed(1);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  console.log(
    'subscribers  server          receipts  p50 ms  p99 ms  max ms  command p50 ms  heap KB/socket  rss KB/socket',
  );
  for (const r of rows)
    console.log(
      [
        String(r.subscribers).padStart(11),
        r.kind.padEnd(14),
        String(r.latencies.length).padStart(8),
        ms(percentile(r.latencies, 50)).padStart(6),
        ms(percentile(r.latencies, 99)).padStart(6),
        ms(r.latencies[r.latencies.length - 1]).padStart(6),
        ms(percentile(r.answers, 50)).padStart(14),
        kb(r.heapPerSocket).padStart(14),
        kb(r.rssPerSocket).padStart(13),
      ].join('  '),
    );
}

if (process.argv[2] === '--serve') void serve(process.argv[3] as Kind);
else
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
