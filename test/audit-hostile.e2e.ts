import fc from 'fast-check';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { hostileString, hostileValue, positions } from './support/hostile-values';
import { actors, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const RUNS = 60;

/** A number in and out of the allowed forms: tree sizes, positions, limits. */
const numberish = fc.oneof(positions, hostileString, fc.integer().map(String));

/** Percent-encodes a path segment's UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
const encodeSegment = (segment: string) =>
  Buffer.from(segment, 'utf8')
    .toString('latin1')
    .replace(/[^A-Za-z0-9\-._~]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

const QUERY_ROUTES: Record<string, readonly string[]> = {
  '/api/audit/checkpoints': ['after', 'limit'],
  '/api/audit/proofs/inclusion': ['position', 'treeSize'],
  '/api/audit/proofs/consistency': ['from', 'to'],
};

const queryFor = (fields: readonly string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...fields), hostileString), numberish), { maxLength: 4 })
    .map((pairs) => new URLSearchParams(pairs).toString());

/** A refusal is a problem with a stable code; a validation problem names each field it blames. */
function expectClientProblem(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status < 400) return;
  expect(typeof response.body?.code).toBe('string');
  if (response.body.code !== 'invalid_request') return;
  for (const error of response.body.errors) expect(typeof error.field).toBe('string');
}

describe('audit routes: hostile input gets a 2xx or a 4xx problem (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let events: EventStore;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    await actors(api).warga.post('/api/aspirations', roadComplaint());
    await actors(api).auditor.post('/api/audit/checkpoints');
  });
  afterAll(() => running.close());

  it.each(Object.entries(QUERY_ROUTES))('GET %s: any query string', async (path, fields) => {
    await fc.assert(
      fc.asyncProperty(queryFor(fields), async (query) => {
        expectClientProblem(await api.send('GET', `${path}?${query}`));
      }),
      { numRuns: RUNS },
    );
  });

  it('GET /api/audit/checkpoints/{treeSize}: any path segment', async () => {
    await fc.assert(
      // Segments over Fastify's 100-character parameter limit get its 414 on every route: a platform matter.
      fc.asyncProperty(
        numberish.filter((segment) => encodeSegment(segment).length <= 100),
        async (segment) => {
          expectClientProblem(await api.send('GET', `/api/audit/checkpoints/${encodeSegment(segment)}`));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /api/audit/checkpoints: any body is ignored, and a refusal writes nothing', async () => {
    const head = await events.headPosition();
    await fc.assert(
      fc.asyncProperty(hostileValue, async (body) => {
        const response = await api.send('POST', '/api/audit/checkpoints', {
          raw: JSON.stringify(body ?? null),
          headers: { 'content-type': 'application/json' },
          token: await api.tokenFor('warga-1', 'citizen'),
        });
        expectClientProblem(response);
        expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS },
    );
    expect(await events.headPosition()).toBe(head);
    // An auditor's request with any body signs nothing new either: the log did not grow.
    const again = await actors(api).auditor.post('/api/audit/checkpoints', { treeSize: 1e308 });
    expect(again.status).toBe(200);
    expect(await events.headPosition()).toBe(head);
  });
});
