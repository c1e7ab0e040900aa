import { ApiClient } from './support/api-client';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';

const WEB_CLIENT = 'https://warga.example.id';
const OTHER_SITE = 'https://evil.example.com';

const preflight = (url: string, origin: string) =>
  fetch(`${url}/api/aspirations`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });

describe('security headers and CORS (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => {
    const dataDir = freshDataDir();
    running = await startTestApp(dataDir, undefined, {
      ...testConfig(dataDir),
      corsOrigins: [WEB_CLIENT],
    });
  });
  afterAll(() => running.close());

  it('sends the security headers on API responses, problems included', async () => {
    const api = new ApiClient(running.url);
    for (const response of [
      await api.send('GET', '/api/aspirations'),
      await api.send('GET', '/api/aspirations/x'),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('still serves the Swagger UI, whose scripts are all its own files (the CSP allows only those)', async () => {
    const response = await fetch(`${running.url}/api/docs`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('swagger-ui');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      const source = /src="([^"]+)"/.exec(attributes)?.[1];
      expect(source).toMatch(/^\.\//);
      expect(body.trim()).toBe('');
      const file = await fetch(new URL(source!, `${running.url}/api/docs`));
      // Read to the end: an unread body would hold its connection, and the app's close, open.
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);
      expect(file.status).toBe(200);
    }
  });

  it('answers a preflight from an allowed origin with what a web client needs', async () => {
    const response = await preflight(running.url, WEB_CLIENT);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(WEB_CLIENT);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const allowedHeaders = response.headers
      .get('access-control-allow-headers')!
      .toLowerCase()
      .split(/\s*,\s*/);
    expect(allowedHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('allows across origins every method the API documents (a preference saved by PUT included)', async () => {
    const document = (await (await fetch(`${running.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(Object.values(document.paths).flatMap((path) => Object.keys(path)));
    const allowed = (await preflight(running.url, WEB_CLIENT)).headers
      .get('access-control-allow-methods')!
      .toLowerCase()
      .split(/\s*,\s*/);
    expect(documented).toContain('put');
    expect(allowed).toEqual(expect.arrayContaining([...documented]));
  });

  it('lets an allowed origin read the correlation id, and tells another origin nothing', async () => {
    const allowed = await fetch(`${running.url}/api/aspirations`, { headers: { origin: WEB_CLIENT } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(WEB_CLIENT);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Correlation-Id');
    const other = await preflight(running.url, OTHER_SITE);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherRead = await fetch(`${running.url}/api/aspirations`, { headers: { origin: OTHER_SITE } });
    expect(otherRead.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('applies the same origins to Socket.IO on /live', async () => {
    // A preflight of the long-polling transport: it opens no session that would outlive the test.
    const handshake = (origin: string) =>
      fetch(`${running.url}/socket.io/?EIO=4&transport=polling`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await handshake(WEB_CLIENT)).headers.get('access-control-allow-origin')).toBe(WEB_CLIENT);
    expect((await handshake(OTHER_SITE)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS by default (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startTestApp()));
  afterAll(() => running.close());

  it('allows no other origin', async () => {
    const response = await preflight(running.url, WEB_CLIENT);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${running.url}/api/aspirations`, { headers: { origin: WEB_CLIENT } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
