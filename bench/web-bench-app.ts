// The server of `npm run bench:web`: the real app (embedded stores, projections) serving a copy of dist/web with
// one extra plain HTML page as the baseline, seeded with a few threads and one confirmed citizen account.
import 'reflect-metadata';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { projections } from '../projections';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { createApp } from '../src/app';
import { AppConfig } from '../src/app-config';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE } from '../src/platform/event-store/event-store.port';
import { call, registerAgencies } from './support/api';
import { benchPort } from './support/ports';

export const BASELINE_PATH = '/bench-baseline.html';
export const CITIZEN = { email: 'bench@example.id', password: 'perahu di sungai katingan' };

/** The baseline: a page of the same size class as index.html, served by the same route with the same headers. */
const BASELINE = `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Suara Warga</title></head>
<body><h1>Suara Warga</h1><p>Halaman statis tanpa JavaScript: batas bawah waktu muat di jaringan ini.</p></body></html>`;

export interface BenchServer {
  readonly url: string;
  readonly webDir: string;
  readonly threadId: string;
  /** A fresh refresh token of the citizen (each browser context rotates its own). */
  refreshToken(): Promise<string>;
  close(): Promise<void>;
}

/** A copy of the build with the baseline page beside it (the build itself stays as `npm run build` made it). */
function webCopy(): string {
  const built = join(__dirname, '..', 'web');
  if (!existsSync(join(built, 'index.html'))) throw new Error(`No web build at ${built}: run npm run build`);
  const dir = mkdtempSync(join(os.tmpdir(), 'suara-web-bench-'));
  cpSync(built, dir, { recursive: true });
  writeFileSync(join(dir, BASELINE_PATH), BASELINE);
  writeFileSync(join(dir, `${BASELINE_PATH}.gz`), gzipSync(BASELINE, { level: 9 }));
  return dir;
}

async function seed(url: string, dataDir: string): Promise<string> {
  const token = async (actorId: string, role: string) =>
    (await call(`${url}/api/dev/tokens`, 'POST', { actorId, role })).token as string;
  const [citizen, facilitator, official] = await Promise.all([
    token('warga-1', 'citizen'),
    token('fasil-1', 'facilitator'),
    token('pupr-1', 'official:dinas-pupr'),
  ]);
  await registerAgencies(url);
  let threadId = '';
  for (const [title, regionCode] of [
    ['Jalan rusak di Kasongan Baru', '62.06.02.1003'],
    ['Jembatan kayu lapuk di Katingan Hulu', '62.06.08.2031'],
    ['Drainase tersumbat di Kasongan Lama', '62.06.02.1004'],
  ]) {
    const body = 'Sudah sebulan tidak diperbaiki dan membahayakan pengendara motor yang lewat malam hari.';
    const submitted = await call(
      `${url}/api/aspirations`,
      'POST',
      { title, body, category: 'infrastruktur', regionCode, visibility: 'public', anonymous: false },
      citizen,
    );
    threadId = submitted.id;
    await call(`${url}/api/aspirations/${threadId}/verify`, 'POST', undefined, facilitator);
    await call(`${url}/api/aspirations/${threadId}/assign`, 'POST', undefined, facilitator);
    await call(
      `${url}/api/aspirations/${threadId}/responses`,
      'POST',
      { body: 'Tim kami meninjau lokasi minggu ini.' },
      official,
    );
  }
  await call(`${url}/api/accounts`, 'POST', {
    email: CITIZEN.email,
    displayName: 'Bench',
    password: CITIZEN.password,
  });
  const line = readFileSync(join(dataDir, 'outbox.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l.includes(CITIZEN.email))
    .pop()!;
  const code = /\b(\d{6})\b/.exec(JSON.parse(line).text)![1];
  await call(`${url}/api/accounts/confirmations`, 'POST', { login: CITIZEN.email, code });
  // Something of their own for "my aspirations" to list.
  const session = await call(`${url}/api/sessions`, 'POST', {
    login: CITIZEN.email,
    password: CITIZEN.password,
  });
  const own = { title: 'Lampu jalan padam', body: 'Lampu jalan di depan balai desa padam sejak seminggu.' };
  const details = {
    category: 'infrastruktur',
    regionCode: '62.06.02.1003',
    visibility: 'public',
    anonymous: false,
  };
  await call(`${url}/api/aspirations`, 'POST', { ...own, ...details }, session.accessToken);
  return threadId;
}

export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'suara-web-bench-data-'));
  const webDir = webCopy();
  const config: AppConfig = {
    port: 0,
    dataDir,
    logLevel: 'silent',
    eventStore: { kind: 'sqlite', file: join(dataDir, 'events.sqlite') },
    documentStore: { kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') },
    keyStore: { kind: 'sqlite', file: join(dataDir, 'keys.sqlite') },
    devTokens: true,
    // Every page load signs in anew from one address; the bench measures pages, not the limits.
    rateLimits: 'off',
    webDir,
  };
  const app = await createApp(config);
  const runners = projections.map(
    (projection) =>
      new ProjectionRunner(projection, {
        events: app.get(EVENT_STORE),
        documents: app.get(DOCUMENT_STORE),
        sealer: app.get(EventLog).sealer,
        logger: pino({ level: 'silent' }),
        holder: 'bench',
      }),
  );
  runners.forEach((runner) => runner.start());
  await app.listen(benchPort(), '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const threadId = await seed(url, dataDir);
  return {
    url,
    webDir,
    threadId,
    refreshToken: async () =>
      (await call(`${url}/api/sessions`, 'POST', { login: CITIZEN.email, password: CITIZEN.password }))
        .refreshToken,
    close: async () => {
      await Promise.all(runners.map((runner) => runner.stop()));
      await app.close();
    },
  };
}
