import { readTrimmedUpTo } from '../src/live/retention-marks';
import { LiveClient } from '../src/live/testing/live-client';
import { DOCUMENT_STORE } from '../src/platform/document-store/document-store.port';
import { ApiClient } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { freshDataDir, startTestApp, TestApp } from './support/test-app';
import { testConfig } from './support/test-config';
import { waitFor } from './support/wait-for';

type Step = Promise<{ status: number; body: { id: string; position: string } }>;

/** Sends a command; fails the test if it is refused. */
async function step(request: Step) {
  const response = await request;
  if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A verified public road complaint of warga-1, assigned to Dinas PUPR. */
async function assignedThread(as: ReturnType<typeof actors>) {
  const { id } = await step(as.warga.post('/api/aspirations', roadComplaint()));
  await step(as.fasilitator.post(`/api/aspirations/${id}/verify`));
  const assigned = await step(as.fasilitator.post(`/api/aspirations/${id}/assign`));
  // Read as a client would before following it: the thread's read model has then caught up (on MongoDB it may lag).
  await step(as.warga.get(`/api/aspirations/${id}?minPosition=${assigned.position}`));
  return { id, topic: `aspiration:${id}`, position: assigned.position };
}

describe('live updates: follow, disconnect, resume (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  const clients: LiveClient[] = [];
  const connect = async (token?: string) => {
    const client = await LiveClient.connect(running.url, { token });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    as = actors(api);
    await registerKatinganAgencies(api);
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => running.close());

  it('pushes an official response to the citizen, then resumes with exactly what was missed', async () => {
    const thread = await assignedThread(as);
    const citizen = await connect(await api.tokenFor('warga-1', 'citizen'));
    // `since` = the last command's position: the thread is certainly in the read model, and nothing is missed.
    const joined = await citizen.subscribe(thread.topic, thread.position);
    expect(joined).toMatchObject({ ok: true, topic: thread.topic });

    const response = await step(
      as.pupr.post(`/api/aspirations/${thread.id}/responses`, { body: 'Tim kami survei besok pagi.' }),
    );
    await citizen.until(() => citizen.of(thread.topic).length === 1, 'the response');
    const [pushed] = citizen.changes;
    expect(pushed).toMatchObject({
      topic: thread.topic,
      position: response.position,
      eventType: 'OfficialResponded',
    });
    expect(pushed.payload).toMatchObject({
      thread: { id: thread.id, status: 'in_progress' },
      message: { kind: 'response', body: 'Tim kami survei besok pagi.' },
    });
    // The push follows the read-model commit: a query at its position sees it.
    const detail = await as.warga.get(`/api/aspirations/${thread.id}?minPosition=${pushed.position}`);
    expect(detail.body.aspiration.messages.map((m: { body: string }) => m.body)).toContain(
      'Tim kami survei besok pagi.',
    );
    expect(BigInt(detail.body.position) >= BigInt(pushed.position)).toBe(true);

    citizen.close();
    const endorsed = await step(as.tetangga.post(`/api/aspirations/${thread.id}/endorsements`));
    const resolved = await step(
      as.pupr.post(`/api/aspirations/${thread.id}/resolve`, { summary: 'Jalan sudah ditambal.' }),
    );

    const back = await connect(await api.tokenFor('warga-1', 'citizen'));
    const resumed = await back.subscribe(thread.topic, pushed.position);
    expect(resumed).toMatchObject({ ok: true, topic: thread.topic });
    const atAck = back.changes.slice(0, back.changesAtLastAck).map((change) => change.position);
    // Everything up to the acknowledged position arrived before the acknowledgement.
    const current = BigInt((resumed as { position: string }).position);
    expect(atAck).toEqual([endorsed.position, resolved.position].filter((p) => BigInt(p) <= current));
    await back.until(() => back.changes.length === 2, 'the two missed changes');

    const rated = await step(as.warga.post(`/api/aspirations/${thread.id}/rating`, { rating: 5 }));
    await back.until(() => back.changes.length === 3, 'the live rating');
    expect(back.changes.map((change) => [change.position, change.eventType])).toEqual([
      [endorsed.position, 'AspirationEndorsed'],
      [resolved.position, 'AspirationResolved'],
      [rated.position, 'AspirationRated'],
    ]);
  });

  it('answers a subscribe without `since` with the position it is current to, and stops on unsubscribe', async () => {
    const thread = await assignedThread(as);
    const [watcher, leaver] = [await connect(), await connect()];
    const acks = [await watcher.subscribe(thread.topic), await leaver.subscribe(thread.topic)];
    for (const ack of acks) expect(ack).toMatchObject({ ok: true, topic: thread.topic });
    const from = BigInt((acks[0] as { position: string }).position);
    expect(from >= 0n).toBe(true);

    expect(await leaver.unsubscribe(thread.topic)).toMatchObject({ ok: true, topic: thread.topic });
    const endorsed = await step(as.tetangga.post(`/api/aspirations/${thread.id}/endorsements`));
    await watcher.until(
      () => watcher.changes.some((c) => c.position === endorsed.position),
      'the endorsement',
    );
    // The broadcast has happened; anything it sent the leaver would arrive before this acknowledgement.
    await leaver.subscribe('feed');
    expect(leaver.of(thread.topic)).toEqual([]);
    expect(watcher.changes.every((change) => BigInt(change.position) > from)).toBe(true);
  });

  it("replays a thread's whole history to a resume from position 0", async () => {
    const thread = await assignedThread(as);
    const citizen = await connect(await api.tokenFor('warga-1', 'citizen'));
    const ack = await citizen.subscribe(thread.topic, '0');
    expect(ack).toMatchObject({ ok: true, topic: thread.topic });
    await citizen.until(() => citizen.changes.length === 3, 'the thread so far');
    expect(citizen.changes.map((change) => change.eventType)).toEqual([
      'AspirationSubmitted',
      'AspirationVerified',
      'AspirationAssigned',
    ]);
  });
});

describe('live updates across a restart and past retention (e2e)', () => {
  const dataDir = freshDataDir();
  let running: TestApp | undefined;
  afterAll(() => running?.close());

  it('resumes from the change log after the server restarts on the same data', async () => {
    running = await startTestApp(dataDir);
    let as = actors(new ApiClient(running.url));
    await registerKatinganAgencies(new ApiClient(running.url));
    const thread = await assignedThread(as);
    const first = await LiveClient.connect(running.url);
    expect(await first.subscribe(thread.topic, thread.position)).toMatchObject({ ok: true });
    // Endorsers other than the submitter (warga), who may not endorse their own aspiration.
    const endorsed = await step(as.tetangga.post(`/api/aspirations/${thread.id}/endorsements`));
    await first.until(() => first.changes.length === 1, 'the first endorsement');
    first.close();
    const neighbour = new ApiClient(running.url).as('warga-3', 'citizen');
    const missed = [
      await step(neighbour.post(`/api/aspirations/${thread.id}/endorsements`)),
      await step(as.pupr.post(`/api/aspirations/${thread.id}/responses`, { body: 'Segera kami tangani.' })),
    ];
    await running.close();

    running = await startTestApp(dataDir);
    as = actors(new ApiClient(running.url));
    const back = await LiveClient.connect(running.url);
    expect(await back.subscribe(thread.topic, endorsed.position)).toMatchObject({ ok: true });
    await back.until(() => back.changes.length === 2, 'the changes missed across the restart');
    const replied = await step(
      as.warga.post(`/api/aspirations/${thread.id}/replies`, { body: 'Terima kasih.' }),
    );
    await back.until(() => back.changes.length === 3, 'a live change after the restart');
    expect(back.changes.map((change) => change.position)).toEqual(
      [...missed, replied].map((c) => c.position),
    );
    back.close();
    await running.close();
    running = undefined;
  });

  it('tells a client resuming from before the trimmed part of the log to refetch', async () => {
    const dir = freshDataDir();
    running = await startTestApp(dir, undefined, {
      ...testConfig(dir),
      live: { retentionMs: 0, trimIntervalMs: 20 },
    });
    const as = actors(new ApiClient(running.url));
    await registerKatinganAgencies(new ApiClient(running.url));
    const thread = await assignedThread(as);
    const endorsed = await step(as.tetangga.post(`/api/aspirations/${thread.id}/endorsements`));
    const documents = running.app.get(DOCUMENT_STORE);
    await waitFor(
      async () => (await readTrimmedUpTo(documents)) >= BigInt(endorsed.position),
      'retention to trim past the endorsement',
    );
    const client = await LiveClient.connect(running.url);
    const ack = await client.subscribe(thread.topic, thread.position);
    expect(ack).toMatchObject({ ok: true, topic: thread.topic, refetch: true });
    expect(client.changes).toEqual([]);
    // The refetch: HTTP at the acknowledged position, then live changes from there.
    const position = (ack as { position: string }).position;
    const detail = await as.warga.get(`/api/aspirations/${thread.id}?minPosition=${position}`);
    expect(detail.body.aspiration.endorsements).toBe(1);
    const replied = await step(
      as.warga.post(`/api/aspirations/${thread.id}/replies`, { body: 'Masih rusak.' }),
    );
    await client.until(() => client.changes.length === 1, 'the live change after the refetch');
    expect(client.changes[0].position).toBe(replied.position);
    client.close();
  });
});
