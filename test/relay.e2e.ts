import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

// A villager who is not online: a facilitator submits for them, relays their reply and rating, and reads the answer
// out from the thread; any facilitator of the region may take over, nobody else speaks for the villager.

describe('facilitators relay for villagers who are not online (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  let id: string;
  let last = '0';
  const colleague = () => api.as('fasil-2', 'facilitator');

  const step = async (request: Promise<ApiResponse>) => {
    const response = await request;
    if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
    last = response.body.position;
    return response.body as { id: string; position: string };
  };
  const thread = async (who = as.fasilitator) =>
    (await who.get(`/api/aspirations/${id}?minPosition=${last}`)).body.aspiration;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
    const onBehalfOf = { name: 'Ibu Sari', contact: 'RT 03 Kasongan Baru' };
    id = (await step(as.fasilitator.post('/api/aspirations', roadComplaint({ onBehalfOf })))).id;
    await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
    await step(as.fasilitator.post(`/api/aspirations/${id}/assign`));
    await step(as.pupr.post(`/api/aspirations/${id}/responses`, { body: 'Tim kami meninjau minggu ini.' }));
  });
  afterAll(() => running.close());

  it('records the villager’s reply relayed by another facilitator of the region', async () => {
    const reply = { body: 'Ibu Sari berterima kasih dan menunggu peninjauan.' };
    await step(colleague().post(`/api/aspirations/${id}/replies`, reply));
    const messages = (await thread()).messages as Array<Record<string, unknown>>;
    expect(messages.at(-1)).toMatchObject({
      kind: 'reply',
      body: reply.body,
      relayedForVillager: true,
      actor: { role: 'facilitator' },
    });
    const publicView = (await api.send('GET', `/api/aspirations/${id}?minPosition=${last}`)).body.aspiration
      .messages as Array<Record<string, unknown>>;
    expect(publicView.at(-1)).toMatchObject({ kind: 'reply', relayedForVillager: true });
  });

  it('lets nobody else speak for the villager', async () => {
    const reply = { body: 'Saya ikut membalas.' };
    expect((await as.tetangga.post(`/api/aspirations/${id}/replies`, reply)).body).toMatchObject({
      status: 403,
      code: 'relay_facilitator_only',
    });
    const kobar = { actorId: 'fasil-kobar', role: 'facilitator', regionCode: '62.01' };
    const { token } = (await api.send('POST', '/api/dev/tokens', { body: kobar })).body as { token: string };
    const elsewhere = await api.send('POST', `/api/aspirations/${id}/replies`, { token, body: reply });
    expect(elsewhere.body).toMatchObject({ status: 403, code: 'outside_facilitator_region' });
  });

  it('records the villager’s rating once the agency resolved it', async () => {
    await step(as.pupr.post(`/api/aspirations/${id}/resolve`, { summary: 'Jalan sudah ditambal.' }));
    await step(
      colleague().post(`/api/aspirations/${id}/rating`, { rating: 5, comment: 'Cepat, terima kasih.' }),
    );
    expect(await thread()).toMatchObject({ status: 'resolved', rating: 5 });
    const history = await as.auditor.get(`/api/aspirations/${id}/history`);
    const rated = (history.body.events as Array<{ type: string; data: Record<string, unknown> }>).find(
      (event) => event.type === 'AspirationRated',
    );
    expect(rated?.data).toMatchObject({ rating: 5, relayedForVillager: true });
  });
});
