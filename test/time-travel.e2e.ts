import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

type Viewer = 'auditor' | 'warga' | 'public';

/** One step of the lifecycle: the position its command answered, and the detail each viewer read right then. */
interface Step {
  readonly name: string;
  readonly position: string;
  readonly live: Record<Viewer, unknown>;
}

describe('time travel: a thread as it was at each step of its lifecycle (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let id: string;
  const steps: Step[] = [];
  /** When the store recorded each position. */
  let recordedAt: Map<string, string>;
  let between: string;

  const read = (viewer: Viewer, query: string): Promise<ApiResponse> =>
    viewer === 'public'
      ? api.send('GET', `/api/aspirations/${id}?${query}`)
      : as[viewer].get(`/api/aspirations/${id}?${query}`);

  /** Runs a command and records what every viewer's live detail showed once the read model reached it. */
  async function step(name: string, command: () => Promise<ApiResponse>): Promise<void> {
    const done = await command();
    expect(done.status).toBeLessThan(300);
    const position: string = done.body.position;
    const live = {} as Record<Viewer, unknown>;
    for (const viewer of ['auditor', 'warga', 'public'] as const) {
      const detail = await read(viewer, `minPosition=${position}`);
      live[viewer] = detail.status === 200 ? detail.body.aspiration : detail.status;
    }
    steps.push({ name, position, live });
  }

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    await step('submitted', async () => {
      const submitted = await as.warga.post('/api/aspirations', roadComplaint());
      id = submitted.body.id;
      return submitted;
    });
    const at = (verb: string) => `/api/aspirations/${id}/${verb}`;
    await step('verified', () => as.fasilitator.post(at('verify')));
    await step('assigned', () => as.fasilitator.post(at('assign')));
    // Another thread's event: a position of the log between two steps of this one.
    between = (await as.tetangga.post('/api/aspirations', roadComplaint())).body.position;
    await step('responded', () => as.pupr.post(at('responses'), { body: 'Tim kami meninjau lokasi Senin.' }));
    await step('replied', () =>
      as.warga.post(at('replies'), { body: 'Terima kasih, lubangnya di depan sekolah.' }),
    );
    await step('endorsed', () => as.tetangga.post(at('endorsements')));
    await step('resolved', () => as.pupr.post(at('resolve'), { summary: 'Lubang sudah ditambal.' }));
    await step('rated', () => as.warga.post(at('rating'), { rating: 2 }));
    await step('closed', () => as.warga.post(at('close')));
    await step('reopened', () =>
      as.warga.post(at('reopen'), { reason: 'Tambalan rusak lagi setelah hujan.' }),
    );
    await step('responded again', () => as.pupr.post(at('responses'), { body: 'Jalan akan diaspal ulang.' }));
    await step('endorsement withdrawn', () => as.tetangga.delete(at('endorsements')));
    await step('resolved again', () =>
      as.pupr.post(at('resolve'), { summary: 'Jalan sudah diaspal ulang.' }),
    );
    await step('closed again', () => as.fasilitator.post(at('close')));
    const events = await running.app.get<EventStore>(EVENT_STORE).readAll();
    recordedAt = new Map(events.map((e) => [e.position.toString(), e.recordedAt]));
  }, 60_000);
  afterAll(() => running.close());

  it('took the thread through every status, with endorsements coming and going', () => {
    const statuses = steps.map((s) => (s.live.auditor as { status: string }).status);
    expect(statuses).toEqual([
      'submitted',
      'verified',
      'in_progress',
      'in_progress',
      'in_progress',
      'in_progress',
      'resolved',
      'resolved',
      'closed',
      'in_progress',
      'in_progress',
      'in_progress',
      'resolved',
      'closed',
    ]);
    expect(steps.map((s) => (s.live.auditor as { endorsements: number }).endorsements)).toEqual([
      0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0,
    ]);
  });

  it('shows each viewer, as of each step’s position, what the live detail showed them then', async () => {
    for (const { name, position, live } of steps)
      for (const viewer of ['auditor', 'warga', 'public'] as const) {
        const asOf = await read(viewer, `asOfPosition=${position}`);
        expect({ step: name, viewer, status: asOf.status, seen: asOf.body.aspiration }).toEqual({
          step: name,
          viewer,
          status: 200,
          // Access is decided on the thread as it is now: the public, refused before verification, now sees that
          // step too (as its history shows it), redacted for the public: of a named thread without a villager,
          // what the auditor saw.
          seen: typeof live[viewer] === 'number' ? live.auditor : live[viewer],
        });
        expect(asOf.body.position).toBe(position);
      }
    expect(steps[0].live.public).toBe(404);
  });

  it('shows, as of each step’s recorded time, the last step recorded by then', async () => {
    for (const { name, position } of steps) {
      const time = recordedAt.get(position)!;
      // Two steps recorded in one millisecond are one moment: the later one is what that instant shows.
      const expected = steps
        .filter((s) => Date.parse(recordedAt.get(s.position)!) <= Date.parse(time))
        .at(-1)!;
      const asOf = await read('auditor', `asOfTime=${encodeURIComponent(time)}`);
      expect({ step: name, status: asOf.status, seen: asOf.body.aspiration }).toEqual({
        step: name,
        status: 200,
        seen: expected.live.auditor,
      });
      expect(asOf.body.position).toBe(expected.position);
    }
  });

  it('shows a position between two steps as of the earlier one', async () => {
    const assigned = steps.find((s) => s.name === 'assigned')!;
    const responded = steps.find((s) => s.name === 'responded')!;
    expect(BigInt(assigned.position) < BigInt(between) && BigInt(between) < BigInt(responded.position)).toBe(
      true,
    );
    const asOf = await read('auditor', `asOfPosition=${between}`);
    expect(asOf.body).toEqual({ aspiration: assigned.live.auditor, position: between });
  });

  it('withholds from each audience what is withheld now: a submission hidden since is hidden as of every step', async () => {
    const submission = (steps[0].live.auditor as { messages: { messageId: string }[] }).messages[0].messageId;
    const hidden = await as.fasilitator.post(`/api/aspirations/${id}/messages/${submission}/hide`, {
      reason: 'Menyebut nama warga lain',
    });
    expect(hidden.status).toBe(200);
    const verified = steps.find((s) => s.name === 'verified')!;
    const publicView = await read(
      'public',
      `asOfPosition=${verified.position}&minPosition=${hidden.body.position}`,
    );
    expect(publicView.body.aspiration).toMatchObject({
      title: '',
      messages: [{ body: '', title: '', hidden: { reason: 'Menyebut nama warga lain' } }],
      status: 'verified',
    });
    // A moderator's audience (and the auditor's) reads hidden messages: they see it as it was, not yet hidden.
    const auditorView = await read('auditor', `asOfPosition=${verified.position}`);
    expect(auditorView.body.aspiration).toEqual(verified.live.auditor);
  });
});

describe('time travel: who may look, and what is refused (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
  });
  afterAll(() => running.close());

  it('decides access on the thread as it is now: an agency it was forwarded away from sees no past of it', async () => {
    const { body } = await as.warga.post('/api/aspirations', roadComplaint({ visibility: 'confidential' }));
    await as.fasilitator.post(`/api/aspirations/${body.id}/verify`);
    const assigned = await as.fasilitator.post(`/api/aspirations/${body.id}/assign`, {
      agencyId: 'dinas-pupr',
    });
    const thenPath = `/api/aspirations/${body.id}?asOfPosition=${assigned.body.position}`;
    expect((await as.pupr.get(`${thenPath}&minPosition=${assigned.body.position}`)).status).toBe(200);
    const forwarded = await as.pupr.post(`/api/aspirations/${body.id}/forward`, {
      toAgencyId: 'dinas-perhubungan',
      reason: 'Jalan kabupaten',
    });
    const after = `${thenPath}&minPosition=${forwarded.body.position}`;
    expect(await as.pupr.get(after)).toMatchObject({ status: 404, body: { code: 'aspiration_not_found' } });
    expect(await api.send('GET', after)).toMatchObject({
      status: 404,
      body: { code: 'aspiration_not_found' },
    });
    expect((await as.dishub.get(after)).status).toBe(200);
  });

  it('answers a moment before the thread existed with 404, and one beyond the log or in the future with 400', async () => {
    const head = (await running.app.get<EventStore>(EVENT_STORE).headPosition())!;
    const { body } = await as.warga.post('/api/aspirations', roadComplaint());
    const path = (query: string) => `/api/aspirations/${body.id}?minPosition=${body.position}&${query}`;
    expect(await as.warga.get(path(`asOfPosition=${head}`))).toMatchObject({
      status: 404,
      body: { code: 'aspiration_not_yet_submitted', errors: [{ field: 'asOfPosition' }] },
    });
    expect(await as.warga.get(path('asOfTime=2001-01-01T00:00:00Z'))).toMatchObject({
      status: 404,
      body: { code: 'aspiration_not_yet_submitted', errors: [{ field: 'asOfTime' }] },
    });
    expect(await as.warga.get(path(`asOfPosition=${BigInt(body.position) + 1000n}`))).toMatchObject({
      status: 400,
      body: { code: 'as_of_beyond_head', errors: [{ field: 'asOfPosition' }] },
    });
    expect(await as.warga.get(path('asOfTime=2999-01-01T00:00:00Z'))).toMatchObject({
      status: 400,
      body: { code: 'as_of_in_future', errors: [{ field: 'asOfTime' }] },
    });
    expect(
      await as.warga.get(path(`asOfPosition=${body.position}&asOfTime=2001-01-01T00:00:00Z`)),
    ).toMatchObject({
      status: 400,
      body: { code: 'as_of_ambiguous', errors: [{ field: 'asOfTime' }] },
    });
  });

  it.each([
    ['asOfPosition', '-1'],
    ['asOfPosition', '007'],
    ['asOfPosition', '1e3'],
    ['asOfTime', '2026-02-30T00:00:00Z'],
    ['asOfTime', '2026-03-02'],
    ['asOfTime', '2026-03-02T04:05:06'],
    ['asOfTime', 'yesterday'],
  ])('refuses %s=%s with 400 naming the field', async (field, value) => {
    const { body } = await as.warga.post('/api/aspirations', roadComplaint());
    const response = await as.warga.get(`/api/aspirations/${body.id}?${field}=${encodeURIComponent(value)}`);
    expect(response).toMatchObject({ status: 400, body: { code: 'invalid_request' } });
    expect(new Set(response.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set([field]));
  });
});
