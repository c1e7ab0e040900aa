import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { projections } from '../projections';
import { createDocumentStore } from '../src/platform/document-store/create-document-store';
import { SCHEDULER_LEASE } from '../src/scheduler/deadline-scheduler';
import { ApiClient } from './support/api-client';
import { ChildApp } from './support/child-app';
import { roadComplaint } from './support/scenario';
import { testConfig } from './support/test-config';

const freshDir = () => mkdtempSync(join(tmpdir(), 'suara-boot-'));

/** Sends a command's headers with `Expect: 100-continue`; the body goes once the server has taken the request. */
function commandInTwoSteps(url: string, token: string) {
  const body = JSON.stringify(roadComplaint());
  const sent = request(`${url}/api/aspirations`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
    },
  });
  const taken = new Promise<void>((resolve) => sent.once('continue', resolve));
  const answered = new Promise<number>((resolve, reject) => {
    sent.once('response', (response) => (response.resume(), resolve(response.statusCode!)));
    sent.once('error', reject);
  });
  sent.flushHeaders();
  return { taken, answered, finish: () => sent.end(body) };
}

describe('the one entry point, src/main.ts (e2e, real processes)', () => {
  const children: ChildApp[] = [];
  const sockets: Socket[] = [];
  const start = (args: string[], env: NodeJS.ProcessEnv) => {
    const child = new ChildApp(args, env);
    children.push(child);
    return child;
  };
  afterAll(() => {
    sockets.forEach((socket) => socket.close());
    children.forEach((child) => child.kill());
  });

  it('on SIGTERM finishes the command in flight, tells live clients to reconnect, releases its leases and exits 0', async () => {
    const dataDir = freshDir();
    const child = start([], { DATA_DIR: dataDir, SUARA_DEV_TOKENS: 'true', NODE_ENV: 'test' });
    const url = await child.url();
    await child.logged('projecting');
    await child.logged('deadline scheduler took its lease');
    expect(child.logs.some((line) => line.level === 40 && /DEVELOPMENT TOKEN ISSUER/.test(line.msg))).toBe(
      true,
    );

    const live = io(`${url}/live`, { transports: ['websocket'], forceNew: true, reconnectionDelay: 60_000 });
    sockets.push(live);
    const advisories: unknown[] = [];
    let disconnectReason: string | undefined;
    live.on('server_shutdown', (advisory: unknown) => advisories.push(advisory));
    live.on('disconnect', (reason) => (disconnectReason = reason));
    await new Promise<void>((resolve) => live.once('connect', () => resolve()));

    const token = await new ApiClient(url).tokenFor('warga-1', 'citizen');
    const command = commandInTwoSteps(url, token);
    await command.taken;
    child.signal('SIGTERM');
    await child.logged('shutting down');
    const refused = await fetch(`${url}/api/health`);
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '1']);
    command.finish();

    expect(await command.answered).toBe(201);
    expect(await child.exited(10_000)).toEqual({ code: 0, signal: null });
    expect(advisories).toEqual([{ reconnect: true }]);
    // 'transport close' is the reason socket.io-client reconnects after; 'io server disconnect' it would not.
    expect(disconnectReason).toBe('transport close');
    expect(live.active).toBe(true);

    // The read models the child used: its data folder's file, or its own database on the run's MongoDB.
    const documents = createDocumentStore(testConfig(dataDir).documentStore);
    try {
      for (const name of [...projections.map((p) => p.name), SCHEDULER_LEASE])
        expect(await documents.acquireLease(name, 'next-instance', 60_000, new Date())).toBe(true);
    } finally {
      await documents.close();
    }
  });

  it('runs the projections and the deadline scheduler alone with --projections-only, and stops them on SIGINT', async () => {
    const child = start(['--projections-only'], { DATA_DIR: freshDir() });
    await child.logged('projecting');
    await child.logged('deadline scheduler took its lease');
    expect(child.logs.some((line) => /listening/.test(line.msg))).toBe(false);
    child.signal('SIGINT');
    expect(await child.exited(10_000)).toEqual({ code: 0, signal: null });
  });

  it('refuses a DATA_DIR that is a file with a message naming it, and exit code 1', async () => {
    const file = join(freshDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const child = start([], { DATA_DIR: file });
    expect(await child.exited()).toEqual({ code: 1, signal: null });
    expect(child.stderr).toMatch(/DATA_DIR/);
    expect(child.stderr).toContain(file);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses the dev token issuer under NODE_ENV=Production with a clear message', async () => {
    const child = start([], { DATA_DIR: freshDir(), SUARA_DEV_TOKENS: 'true', NODE_ENV: 'Production' });
    expect(await child.exited()).toEqual({ code: 1, signal: null });
    expect(child.stderr).toMatch(/SUARA_DEV_TOKENS=true .*NODE_ENV/);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });
});
