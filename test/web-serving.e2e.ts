import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startTestApp, TestApp, freshDataDir } from './support/test-app';
import { testConfig } from './support/test-config';

const INDEX = '<!doctype html><html lang="id"><title>Suara Warga</title><div id="app"></div>';
const ASSET = 'assets/feed-Bx1c9a.js';

/** A stand-in for Vite's output: what the server serves does not depend on what the pages contain. */
function builtWebApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'suara-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, ASSET), 'export const feed = 1;\n');
  writeFileSync(join(dir, `${ASSET}.gz`), gzipSync('export const feed = 1;\n'));
  writeFileSync(join(dir, '.env'), 'SECRET=1\n');
  return dir;
}

const startWith = (webDir: string) => {
  const dataDir = freshDataDir();
  return startTestApp(dataDir, undefined, { ...testConfig(dataDir), webDir });
};

describe('the web app beside the API (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startWith(builtWebApp())));
  afterAll(() => running.close());

  const get = (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init);

  it('serves index.html at / and at every page URL, revalidated on each visit', async () => {
    for (const path of [
      '/',
      '/aspirasi',
      '/aspirasi/58b91eaf-ed88-8635-a0b6-f56e3d9f733e',
      '/masuk?lanjut=%2F',
    ]) {
      const page = await get(path);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toBe(INDEX);
    }
  });

  it('caches hashed assets for a year', async () => {
    const asset = await get(`/${ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends the compressed copy the build wrote to a client that accepts it', async () => {
    const asset = await get(`/${ASSET}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await asset.text()).toBe('export const feed = 1;\n');
  });

  it('allows the app its own scripts, styles, images and live connection, and nothing from elsewhere', async () => {
    const csp = (await get('/')).headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'connect-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'worker-src': "'self'",
      'manifest-src': "'self'",
      'frame-ancestors': "'none'",
    });
  });

  it('leaves the API, the live connection, files and other methods to their own answers', async () => {
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await get('/live/x')).status).toBe(404);
    expect((await get('/assets/feed-0000.js')).status).toBe(404);
    expect((await get('/.env')).status).toBe(404);
    expect((await get('/aspirasi', { method: 'POST' })).status).toBe(404);
    expect((await get('/api/health')).status).toBe(200);
  });
});

describe('the web app before it is built (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startWith(mkdtempSync(join(tmpdir(), 'suara-web-empty-')))));
  afterAll(() => running.close());

  it('answers page URLs with a problem that says how to build it, and the API carries on', async () => {
    const page = await fetch(`${running.url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await page.json()).toMatchObject({
      code: 'web_app_not_built',
      detail: expect.stringContaining('npm run build'),
      correlationId: page.headers.get('x-correlation-id'),
    });
    expect((await fetch(`${running.url}/api/health`)).status).toBe(200);
  });
});
