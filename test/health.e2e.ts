import Database from 'better-sqlite3';
import { EVENT_STORE } from '../src/platform/event-store/event-store.port';
import { SqliteEventStore } from '../src/platform/event-store/sqlite-event-store';
import { ApiClient } from './support/api-client';
import { actors, roadComplaint } from './support/scenario';
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
      projections: {
        aspirations: { position: '0', lag: '0' },
        agencies: { position: '0', lag: '0' },
        notifications: { position: '0', lag: '0' },
        endorsements: { position: '0', lag: '0' },
        groups: { position: '0', lag: '0' },
        announcements: { position: '0', lag: '0' },
      },
      problems: [],
    });
  });

  it('separates liveness from readiness', async () => {
    const live = await fetch(`${running.url}/api/health/live`);
    const ready = await fetch(`${running.url}/api/health/ready`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', problems: [] });
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

describe('a full event store (e2e)', () => {
  let running: TestApp;
  let events: Database.Database;
  beforeAll(async () => {
    running = await startTestApp();
    // max_page_count holds per connection, so the test limits the adapter's own connection: a full disk, on demand.
    events = (running.app.get(EVENT_STORE) as SqliteEventStore as unknown as { db: Database.Database }).db;
  });
  afterAll(() => running.close());

  it('answers commands 503 storage_full with Retry-After, and is not ready until an append succeeds again', async () => {
    const api = new ApiClient(running.url);
    const { warga } = actors(api);
    const submit = () => warga.post('/api/aspirations', roadComplaint());
    expect((await submit()).status).toBe(201);
    events.pragma(`max_page_count = ${events.pragma('page_count', { simple: true })}`);
    let refused;
    for (let attempt = 0; attempt < 100 && !refused; attempt++) {
      const response = await submit();
      if (response.status !== 201) refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.body.code).toBe('storage_full');
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    const full = await api.send('GET', '/api/health/ready');
    expect(full.status).toBe(503);
    expect(full.body.problems).toContainEqual(expect.objectContaining({ kind: 'storage_full' }));
    expect((await api.send('GET', '/api/health/live')).status).toBe(200);

    events.pragma('max_page_count = 1073741823');
    expect((await submit()).status).toBe(201);
    expect((await api.send('GET', '/api/health/ready')).status).toBe(200);
  });
});
