import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { ApiClient } from './support/api-client';
import { ChildApp } from './support/child-app';
import { roadComplaint } from './support/scenario';
import { waitFor } from './support/wait-for';

const TOKEN = 'scrape-token-0123456789abcdef';

const scrape = async (url: string, token: string | null = TOKEN) => {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
};

/** The value of one sample line (`name{labels} value`), or undefined when it is not there. */
const sample = (text: string, line: RegExp): number | undefined => {
  const found = text.split('\n').find((l) => line.test(l));
  return found === undefined ? undefined : Number(found.split(' ').at(-1));
};

describe('Prometheus metrics on their own port (e2e, real processes)', () => {
  const children: ChildApp[] = [];
  const sockets: Socket[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-metrics-'));
  const env = {
    DATA_DIR: dataDir,
    SUARA_DEV_TOKENS: 'true',
    NODE_ENV: 'test',
    METRICS_PORT: '0',
    METRICS_HOST: '127.0.0.1',
    METRICS_TOKEN: TOKEN,
  };
  const start = (args: string[]) => {
    const child = new ChildApp(args, env);
    children.push(child);
    return child;
  };
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    for (const child of children) {
      child.signal('SIGTERM');
      await child.exited().catch(() => child.kill());
    }
  });

  it('answers only a scrape with the token, and only at GET /metrics', async () => {
    const child = start([]);
    await child.url();
    const metrics = (await child.logged('metrics listening')).url as string;
    expect((await scrape(metrics, null)).status).toBe(401);
    expect((await scrape(metrics, 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect((await scrape(metrics.replace('/metrics', '/'))).status).toBe(404);
    const ok = await scrape(metrics);
    expect(ok.status).toBe(200);
    expect(ok.type).toMatch(/^text\/plain/);
    for (const name of [
      'suara_command_duration_seconds',
      'suara_projection_lag_events',
      'suara_live_sockets',
      'suara_outbox_backlog',
      'suara_storage_errors_total',
    ])
      expect(ok.text).toContain(`# TYPE ${name} `);
  });

  it('times commands, counts connected sockets and reports each read model’s lag', async () => {
    const child = children[0];
    const url = await child.url();
    const metrics = (await child.logged('metrics listening')).url as string;
    const api = new ApiClient(url);
    const submitted = await api
      .as('warga-1', 'citizen')
      .post('/api/aspirations', roadComplaint(), 'metrics-1');
    expect(submitted.status).toBe(201);
    const live = io(`${url}/live`, { transports: ['websocket'], forceNew: true });
    sockets.push(live);
    await new Promise<void>((resolve) => live.once('connect', () => resolve()));

    const { text } = await scrape(metrics);
    expect(
      sample(text, /^suara_command_duration_seconds_count\{command="SubmitAspiration",outcome="ok"\}/),
    ).toBe(1);
    expect(sample(text, /^suara_live_sockets /)).toBe(1);
    expect(sample(text, /^suara_outbox_backlog /)).toBeGreaterThanOrEqual(0);
    await waitFor(
      async () =>
        sample((await scrape(metrics)).text, /^suara_projection_lag_events\{projection="aspirations"\}/) ===
        0,
      'the aspirations read model to catch up',
    );
  });

  it('serves them from a projections-only process too, which has no HTTP API', async () => {
    const projector = start(['--projections-only']);
    const metrics = (await projector.logged('metrics listening')).url as string;
    const { status, text } = await scrape(metrics);
    expect(status).toBe(200);
    expect(sample(text, /^suara_projection_lag_events\{projection="agencies"\}/)).toBeGreaterThanOrEqual(0);
    expect(sample(text, /^suara_live_sockets /)).toBe(0);
  });
});
