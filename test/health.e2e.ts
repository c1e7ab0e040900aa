import { startTestApp, TestApp } from './support/test-app';

describe('platform start-up (e2e)', () => {
  let running: TestApp;
  beforeAll(async () => (running = await startTestApp()));
  afterAll(() => running.close());

  it('answers the health check over HTTP', async () => {
    const response = await fetch(`${running.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      head: '0',
      projections: { aspirations: { position: '0', lag: '0' } },
    });
  });

  it('gives every response a correlation id, keeping the one the client sent', async () => {
    const mine = await fetch(`${running.url}/api/health`, {
      headers: { 'X-Correlation-Id': 'kim-katingan-42' },
    });
    const fresh = await fetch(`${running.url}/api/health`);
    expect(mine.headers.get('x-correlation-id')).toBe('kim-katingan-42');
    expect(fresh.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
