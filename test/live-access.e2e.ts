import { LiveClient } from '../src/live/testing/live-client';
import { Role } from '../src/platform/domain/decider';
import { ApiClient } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

type Step = Promise<{ status: number; body: { id: string; position: string } }>;

async function step(request: Step) {
  const response = await request;
  if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

describe('live updates: who may follow what (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  const clients: LiveClient[] = [];
  const connect = async (who?: readonly [string, Role]) => {
    const token = who ? await api.tokenFor(...who) : undefined;
    const client = await LiveClient.connect(running.url, { token });
    clients.push(client);
    return client;
  };
  const submit = async (overrides: object = {}, as_ = as.warga) =>
    step(as_.post('/api/aspirations', roadComplaint(overrides)));

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => running.close());

  it('refuses a connection with a bad token, and lets anonymous clients follow public topics only', async () => {
    await expect(LiveClient.connect(running.url, { token: 'not-a-token' })).rejects.toMatchObject({
      message: 'The bearer token is invalid or expired',
      data: { code: 'invalid_token' },
    });
    const unverified = await submit();
    const anonymous = await connect();
    expect(await anonymous.subscribe('feed')).toMatchObject({ ok: true, topic: 'feed' });
    expect(await anonymous.subscribe('region:62.06')).toMatchObject({ ok: true, topic: 'region:62.06' });
    expect(await anonymous.subscribe(`aspiration:${unverified.id}`, unverified.position)).toMatchObject({
      ok: false,
      error: { code: 'aspiration_not_found', field: 'topic' },
    });
    expect(await anonymous.subscribe('agency:dinas-pupr')).toMatchObject({
      ok: false,
      error: { code: 'inbox_not_yours' },
    });
    // The submitter, facilitators and auditors follow it before verification, as they read it.
    for (const who of [
      ['warga-1', 'citizen'],
      ['fasil-1', 'facilitator'],
      ['inspektorat-1', 'auditor'],
    ] as const) {
      const client = await connect(who);
      expect(await client.subscribe(`aspiration:${unverified.id}`)).toMatchObject({ ok: true });
    }
    const neighbour = await connect(['warga-2', 'citizen']);
    expect(await neighbour.subscribe(`aspiration:${unverified.id}`)).toMatchObject({ ok: false });
  });

  it("keeps an agency's inbox to its officials, facilitators and auditors", async () => {
    const dishub = await connect(['dishub-1', 'official:dinas-perhubungan']);
    expect(await dishub.subscribe('agency:dinas-pupr')).toMatchObject({
      ok: false,
      error: { code: 'inbox_not_yours' },
    });
    expect(await dishub.subscribe('agency:dinas-perhubungan')).toMatchObject({ ok: true });
    const citizen = await connect(['warga-1', 'citizen']);
    expect(await citizen.subscribe('agency:dinas-pupr')).toMatchObject({ ok: false });
    for (const who of [
      ['pupr-1', 'official:dinas-pupr'],
      ['fasil-1', 'facilitator'],
      ['inspektorat-1', 'auditor'],
    ] as const) {
      const client = await connect(who);
      expect(await client.subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });
    }
  });

  it('sends each audience its own payload and never an anonymous submitter to the public or the agency', async () => {
    const watchers = {
      feed: await connect(),
      region: await connect(),
      inbox: await connect(['pupr-1', 'official:dinas-pupr']),
      facilitator: await connect(['fasil-1', 'facilitator']),
      submitter: await connect(['warga-2', 'citizen']),
      official: await connect(['pupr-1', 'official:dinas-pupr']),
    };
    await watchers.feed.subscribe('feed');
    await watchers.region.subscribe('region:62.06.02');
    await watchers.inbox.subscribe('agency:dinas-pupr');
    await watchers.facilitator.subscribe('agency:dinas-pupr');
    const { id, position } = await submit({ anonymous: true }, as.tetangga);
    await watchers.submitter.subscribe(`aspiration:${id}`, position);
    await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
    const assigned = await step(as.fasilitator.post(`/api/aspirations/${id}/assign`));
    await watchers.official.subscribe(`aspiration:${id}`, assigned.position);
    await step(as.pupr.post(`/api/aspirations/${id}/responses`, { body: 'Kami tindak lanjuti.' }));
    await step(as.tetangga.post(`/api/aspirations/${id}/replies`, { body: 'Terima kasih' }));

    const mine = (client: LiveClient) => client.changes.filter((c) => JSON.stringify(c).includes(id));
    for (const client of Object.values(watchers))
      await client.until(() => mine(client).some((c) => c.eventType === 'CitizenReplied'), 'the reply');
    for (const client of [
      watchers.feed,
      watchers.region,
      watchers.inbox,
      watchers.facilitator,
      watchers.official,
    ])
      expect(JSON.stringify(mine(client))).not.toContain('warga-2');
    const reply = (client: LiveClient) =>
      mine(client).find((c) => c.eventType === 'CitizenReplied')?.payload as { message?: { actor: object } };
    expect(reply(watchers.feed)?.message?.actor).toEqual({ id: null, role: 'citizen' });
    expect(reply(watchers.submitter)?.message?.actor).toEqual({ id: 'warga-2', role: 'citizen' });
    // The inbox hears of the assignment, and the public of nothing before verification.
    expect(mine(watchers.inbox).map((c) => c.position)).toContain(assigned.position);
    expect(mine(watchers.feed).map((c) => c.eventType)).not.toContain('AspirationSubmitted');
    expect(mine(watchers.submitter).map((c) => c.eventType)).toContain('AspirationVerified');
  });

  it('takes the agency view away from officials of an agency a thread is forwarded away from', async () => {
    const publicThread = await submit();
    const confidential = await submit({ visibility: 'confidential' });
    let assigned = { position: '0' };
    for (const { id } of [publicThread, confidential]) {
      await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
      assigned = await step(as.fasilitator.post(`/api/aspirations/${id}/assign`));
    }
    // Followed from after the assignments: only what happens next is pushed.
    await as.pupr.get(`/api/aspirations/${confidential.id}?minPosition=${assigned.position}`);
    const official = await connect(['pupr-1', 'official:dinas-pupr']);
    for (const { id } of [publicThread, confidential])
      expect(await official.subscribe(`aspiration:${id}`, assigned.position)).toMatchObject({ ok: true });
    const dishub = await connect(['dishub-1', 'official:dinas-perhubungan']);
    expect(await dishub.subscribe(`aspiration:${confidential.id}`)).toMatchObject({ ok: false });

    const forward = { toAgencyId: 'dinas-perhubungan', reason: 'Kewenangan Dishub' };
    await step(as.fasilitator.post(`/api/aspirations/${publicThread.id}/forward`, forward));
    const moved = await step(as.fasilitator.post(`/api/aspirations/${confidential.id}/forward`, forward));
    await official.until(
      () => official.unsubscribed.length === 1,
      'the confidential thread to be taken away',
    );
    expect(official.unsubscribed[0]).toEqual({
      topic: `aspiration:${confidential.id}`,
      position: moved.position,
      reason: 'access_changed',
    });
    expect(official.of(`aspiration:${confidential.id}`)).toEqual([]);
    // The public thread is still followed, now as the public sees it.
    await step(as.warga.post(`/api/aspirations/${publicThread.id}/replies`, { body: 'Mohon segera' }));
    await official.until(
      () => official.of(`aspiration:${publicThread.id}`).length === 2,
      'forward and reply',
    );
    expect(official.of(`aspiration:${publicThread.id}`).map((c) => c.eventType)).toEqual([
      'AspirationForwarded',
      'CitizenReplied',
    ]);
    expect(await dishub.subscribe(`aspiration:${confidential.id}`, moved.position)).toMatchObject({
      ok: true,
    });
  });
});
