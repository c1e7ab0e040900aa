import { ChangeMessage } from '../src/live/live-protocol';
import { LiveClient } from '../src/live/testing/live-client';
import { ApiClient } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

type Step = Promise<{ status: number; body: { id: string; position: string } }>;

async function step(request: Step) {
  const response = await request;
  if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

const summary = (changes: ChangeMessage[]) => changes.map((c) => `${c.position} ${c.topic} ${c.eventType}`);

describe('live updates with two app instances on one data store (e2e)', () => {
  const dataDir = freshDataDir();
  let a: TestApp | undefined;
  let b: TestApp;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    a = await startTestApp(dataDir);
    // A second instance on the same data folder, with projection runners of its own (another lease holder).
    b = await startTestApp(dataDir, undefined, undefined, 'instance-b');
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await a?.close();
    await b.close();
  });

  it('pushes every change caused by commands sent to A to a subscriber on B, as A pushes it', async () => {
    const apiA = new ApiClient(a!.url);
    const as = actors(apiA);
    await registerKatinganAgencies(apiA);
    const { id, position } = await step(as.warga.post('/api/aspirations', roadComplaint()));
    // A subscriber may follow a thread once the read models know it (slower on FerretDB): read it at its position.
    const seen = await actors(new ApiClient(b.url)).fasilitator.get(
      `/api/aspirations/${id}?minPosition=${position}`,
    );
    expect(seen.status).toBe(200);
    const token = await apiA.tokenFor('fasil-1', 'facilitator');
    const [onA, onB] = [
      await LiveClient.connect(a!.url, { token }),
      await LiveClient.connect(b.url, { token }),
    ];
    clients.push(onA, onB);
    const topics = [`aspiration:${id}`, 'agency:dinas-pupr', 'feed', 'region:62.06'];
    for (const client of [onA, onB])
      for (const topic of topics) expect(await client.subscribe(topic, '0')).toMatchObject({ ok: true });

    const commands = [
      await step(as.fasilitator.post(`/api/aspirations/${id}/verify`)),
      await step(as.fasilitator.post(`/api/aspirations/${id}/assign`)),
      await step(as.pupr.post(`/api/aspirations/${id}/responses`, { body: 'Segera diperbaiki.' })),
      await step(as.tetangga.post(`/api/aspirations/${id}/endorsements`)),
      await step(as.warga.post(`/api/aspirations/${id}/replies`, { body: 'Terima kasih.' })),
    ];
    const last = commands[commands.length - 1].position;
    const reached = (client: LiveClient) => client.changes.some((c) => c.position === last);
    await onB.until(() => reached(onB), 'the last change on B');
    await onA.until(() => reached(onA), 'the last change on A');
    // Every command's change reached B on the thread topic, and B's stream equals A's.
    const onThread = onB.of(`aspiration:${id}`).map((c) => c.position);
    for (const command of commands) expect(onThread).toContain(command.position);
    expect(summary(onB.changes)).toEqual(summary(onA.changes));
    expect(new Set(summary(onB.changes)).size).toBe(onB.changes.length);
    // Never both project a read model at once (which one does may change when a stalled machine lets a lease lapse).
    for (const [index, runner] of b.runners.entries()) {
      const [onA, onB] = await Promise.all([a!.runners[index].status(), runner.status()]);
      expect(onA.leaseHeld && onB.leaseHeld).toBe(false);
    }
  });

  it('keeps B pushing when A stops and B takes over the projections', async () => {
    const apiB = new ApiClient(b.url);
    const as = actors(apiB);
    const { id, position } = await step(as.warga.post('/api/aspirations', roadComplaint()));
    const follower = await LiveClient.connect(b.url, { token: await apiB.tokenFor('warga-1', 'citizen') });
    clients.push(follower);
    expect(await follower.subscribe(`aspiration:${id}`, position)).toMatchObject({ ok: true });
    await a!.close();
    a = undefined;
    await waitFor(async () => (await b.runners[0].status()).leaseHeld, 'B to take the projection lease');
    const verified = await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
    await follower.until(() => follower.changes.length === 1, 'the change projected by B');
    expect(follower.changes[0]).toMatchObject({
      position: verified.position,
      eventType: 'AspirationVerified',
    });
  });
});
