import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('command errors over HTTP write nothing (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let store: EventStore;
  let verifiedId: string;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    store = running.app.get<EventStore>(EVENT_STORE);
    await registerKatinganAgencies(api);
    verifiedId = (await as.warga.post('/api/aspirations', roadComplaint())).body.id;
    await as.fasilitator.post(`/api/aspirations/${verifiedId}/verify`);
  });
  afterAll(() => running.close());

  /** Runs the request and asserts the event log did not move; errors must come as problem details. */
  async function writesNothing(request: () => Promise<ApiResponse>): Promise<ApiResponse> {
    const before = (await store.readAll()).length;
    const response = await request();
    expect((await store.readAll()).length).toBe(before);
    if (response.status >= 400) {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: expect.any(String),
        title: expect.any(String),
        status: response.status,
      });
      expect(response.body.correlationId).toBe(response.headers.get('x-correlation-id'));
    }
    return response;
  }

  it('400 names each failing field, including unknown ones', async () => {
    const response = await writesNothing(() =>
      as.warga.post('/api/aspirations', {
        ...roadComplaint(),
        visibility: 'secret',
        anonymous: 'yes',
        mood: 'angry',
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'anonymous',
      'mood',
      'visibility',
    ]);
  });

  it('400 names the field when the domain refuses the content', async () => {
    const region = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint({ regionCode: '62.06.99.9999' })),
    );
    const title = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint({ title: 'Hi' })),
    );
    expect(region.body).toMatchObject({ status: 400, errors: [{ field: 'regionCode' }] });
    expect(title.body).toMatchObject({ status: 400, errors: [{ field: 'title' }] });
  });

  it('400 for a malformed id or Idempotency-Key, naming it', async () => {
    const id = await writesNothing(() => as.fasilitator.post('/api/aspirations/not-a-uuid/verify'));
    const key = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint(), 'bad key with spaces'),
    );
    expect(id.body).toMatchObject({ status: 400, errors: [{ field: 'id' }] });
    expect(key.body).toMatchObject({ status: 400, errors: [{ field: 'Idempotency-Key' }] });
  });

  it('401 without a valid bearer token', async () => {
    const missing = await writesNothing(() =>
      api.send('POST', '/api/aspirations', { body: roadComplaint() }),
    );
    const forged = await writesNothing(() =>
      api.send('POST', '/api/aspirations', { body: roadComplaint(), token: 'e30.e30.e30' }),
    );
    expect([missing.status, forged.status]).toEqual([401, 401]);
  });

  it('403 when the role may not act', async () => {
    const response = await writesNothing(() =>
      as.warga.post(`/api/aspirations/${verifiedId}/assign`, { agencyId: 'dinas-pupr' }),
    );
    expect(response.status).toBe(403);
  });

  it('404 for an aspiration or agency that does not exist', async () => {
    const aspiration = await writesNothing(() =>
      as.fasilitator.post('/api/aspirations/00000000-0000-4000-8000-000000000000/verify'),
    );
    const agency = await writesNothing(() =>
      as.fasilitator.post(`/api/aspirations/${verifiedId}/assign`, { agencyId: 'dinas-tidak-ada' }),
    );
    expect(aspiration.status).toBe(404);
    expect(agency.body).toMatchObject({ status: 404, errors: [{ field: 'agencyId' }] });
  });

  it('409 for an invalid transition', async () => {
    const response = await writesNothing(() => as.fasilitator.post(`/api/aspirations/${verifiedId}/verify`));
    expect(response.status).toBe(409);
  });

  it('413 for a body over the limit', async () => {
    const response = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint({ body: 'panjang '.repeat(20_000) })),
    );
    expect(response.status).toBe(413);
  });

  it('415 for a body that is not JSON', async () => {
    const token = await api.tokenFor('warga-1', 'citizen');
    const response = await writesNothing(() =>
      api.send('POST', '/api/aspirations', {
        token,
        raw: 'title=Jalan',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(response.status).toBe(415);
  });

  it('returns the original result for a retried command, and 422 for the same key with another body', async () => {
    const first = await as.warga.post(
      '/api/aspirations',
      roadComplaint({ title: 'Lampu jalan padam' }),
      'lampu-1',
    );
    const retry = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint({ title: 'Lampu jalan padam' }), 'lampu-1'),
    );
    expect(retry.status).toBe(201);
    expect({ id: retry.body.id, position: retry.body.position }).toEqual({
      id: first.body.id,
      position: first.body.position,
    });
    const reused = await writesNothing(() =>
      as.warga.post('/api/aspirations', roadComplaint({ title: 'Lampu jalan mati' }), 'lampu-1'),
    );
    expect(reused.status).toBe(422);
  });

  it('derives a new aspiration id from the actor and the key', async () => {
    const mine = await as.warga.post('/api/aspirations', roadComplaint(), 'shared-key');
    const theirs = await as.tetangga.post('/api/aspirations', roadComplaint(), 'shared-key');
    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(mine.body.id).not.toBe(theirs.body.id);
  });
});
