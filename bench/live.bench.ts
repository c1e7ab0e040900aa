// Live updates at 1,000 and 10,000 subscribers of one thread on one instance: latency from the HTTP command to
// the change's receipt at every subscriber (p50, p99 over all receipts), and the server's memory per socket, next
// to a bare Socket.IO server that broadcasts the same message to a room of as many clients, in the same run.
// Run: npm run bench:live   (BENCH_SUBSCRIBERS=1000 BENCH_COMMANDS=5 for a quick look)
// Each server runs in a child process (its memory is its own): the app is the real one (node dist/src/main.js); all
// clients are socket.io-client sockets in this process, websocket transport only.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io, Socket } from 'socket.io-client';
import { post as postJson, tokenFor } from './support/api';
import { PROBE, probe, startApp } from './support/app-process';
import { benchPort } from './support/ports';
import { Report } from './support/report';
import { percentile } from './support/stats';
import { TARGETS } from './support/targets';

const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '1000,10000').split(',').map(Number);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 10);
const CONNECT_BATCH = 250;
const RECEIPT_TIMEOUT_MS = 120_000;

type Kind = 'suara-warga' | 'raw socket.io';
interface ChildServer {
  readonly url: string;
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

// ---- servers (child processes) ----

/** The baseline: a room broadcast, triggered by an HTTP POST like the app's command. */
async function serveRaw(port: number): Promise<void> {
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
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  process.send!({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` });
}

/** The app is the real one (node dist/src/main.js); the bare server runs this file with --serve. */
async function startServer(kind: Kind): Promise<ChildServer> {
  if (kind === 'suara-warga') {
    const app = await startApp();
    return { url: app.url, memory: app.memory, stop: app.kill };
  }
  const child = fork(__filename, ['--serve', String(benchPort())], {
    execArgv: ['--expose-gc', '--require', PROBE],
  });
  const url = await new Promise<string>((resolve) =>
    child.on('message', (message: { url?: string }) => message.url && resolve(message.url)),
  );
  return {
    url,
    memory: probe(child).memory,
    // The server closes the connections, so the TIME_WAITs stay off this process's ephemeral ports.
    stop: async () => void child.kill('SIGKILL'),
  };
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

const post = async (url: string, body: unknown, token?: string) =>
  (await postJson(url, body, token)) as Record<string, string>;

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
  await server.stop();
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
  const report = new Report(
    'live',
    'Live updates: one thread followed by many subscribers, next to bare Socket.IO',
    {
      BENCH_SUBSCRIBERS: SIZES.join(','),
      BENCH_COMMANDS: COMMANDS,
    },
  );
  report.print(
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
    const bare = (name: string, value: number) => ({ name: `bare Socket.IO, ${name}`, value });
    const at = `${count.toLocaleString('en')} subscribers`;
    const p = (r: Result, q: number) => percentile(r.latencies, q);
    report.add({
      name: `p99 at ${at}`,
      value: p(app, 99),
      unit: 'ms',
      baseline: bare('p99', p(raw, 99)),
      target: TARGETS.liveP99,
    });
    report.add({ name: `p50 at ${at}`, value: p(app, 50), unit: 'ms', baseline: bare('p50', p(raw, 50)) });
    const heap = (r: Result) => r.heapPerSocket / 1024;
    report.add({
      name: `heap per socket at ${at}`,
      value: heap(app),
      unit: 'KB',
      baseline: bare('heap', heap(raw)),
      target: TARGETS.liveMemory,
    });
  }
  const ms = (value: number) => value.toFixed(1);
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const header = [
    'subscribers',
    'server',
    'receipts',
    'p50 ms',
    'p99 ms',
    'max ms',
    'command p50 ms',
    'heap KB/socket',
    'rss KB/socket',
  ];
  report.table(
    header,
    rows.map((r) => [
      String(r.subscribers),
      r.kind,
      String(r.latencies.length),
      ms(percentile(r.latencies, 50)),
      ms(percentile(r.latencies, 99)),
      ms(r.latencies[r.latencies.length - 1]),
      ms(percentile(r.answers, 50)),
      kb(r.heapPerSocket),
      kb(r.rssPerSocket),
    ]),
  );
  report.finish();
}

if (process.argv[2] === '--serve') void serveRaw(Number(process.argv[3]));
else
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
