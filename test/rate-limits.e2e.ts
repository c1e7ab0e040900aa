import { RateLimits } from '../src/platform/throttling/rate-limits';
import { TrustProxy } from '../src/platform/http/http-security';
import { ApiClient } from './support/api-client';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';

const MINUTE_MS = 60_000;
const limits: Partial<RateLimits> = {
  reads: { limit: 3, windowMs: MINUTE_MS },
  commands: { limit: 2, windowMs: MINUTE_MS },
};

async function appWith(trustProxy?: TrustProxy): Promise<TestApp> {
  const dataDir = freshDataDir();
  return startTestApp(dataDir, undefined, { ...testConfig(dataDir), rateLimits: limits, trustProxy });
}

describe('rate limits per client address (e2e)', () => {
  describe('without a trusted proxy', () => {
    let running: TestApp;
    let api: ApiClient;
    beforeAll(async () => {
      running = await appWith();
      api = new ApiClient(running.url);
    });
    afterAll(() => running.close());

    it('answers 429 rate_limited with Retry-After once an address has spent its reads, on any route', async () => {
      // One budget for every read route: three different routes spend it.
      expect((await api.send('GET', '/api/aspirations')).status).toBe(200);
      expect((await api.send('GET', '/api/health/live')).status).toBe(200);
      expect((await api.send('GET', '/api/aspirations')).status).toBe(200);
      const refused = await api.send('GET', '/api/health/live');
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited', title: 'Too Many Requests' });
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    });

    it('counts commands apart from reads, and X-Forwarded-For from an untrusted peer changes nothing', async () => {
      const issue = (forwardedFor: string) =>
        api.send('POST', '/api/dev/tokens', {
          body: { actorId: 'warga-1', role: 'citizen' },
          headers: { 'x-forwarded-for': forwardedFor },
        });
      expect((await issue('203.0.113.1')).status).toBe(201);
      expect((await issue('203.0.113.2')).status).toBe(201);
      expect((await issue('203.0.113.3')).body).toMatchObject({ code: 'rate_limited' });
    });
  });

  describe('behind a trusted proxy', () => {
    let running: TestApp;
    let api: ApiClient;
    beforeAll(async () => {
      running = await appWith(['loopback']);
      api = new ApiClient(running.url);
    });
    afterAll(() => running.close());

    it('counts each client the proxy names on its own', async () => {
      const read = (client: string) =>
        api.send('GET', '/api/aspirations', { headers: { 'x-forwarded-for': client } });
      for (let i = 0; i < 3; i += 1) expect((await read('203.0.113.7')).status).toBe(200);
      expect((await read('203.0.113.7')).status).toBe(429);
      expect((await read('198.51.100.9')).status).toBe(200);
    });
  });
});
