import fc from 'fast-check';
import { LiveClient } from '../src/live/testing/live-client';
import { isRegionCode, regionCovers } from '../src/platform/domain/region-codes';
import { ApiClient, ApiResponse } from './support/api-client';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const KASONGAN_BARU = '62.06.02.1003'; // Kabupaten Katingan (62.06)
const KUMAI_HULU = '62.01.01.1012'; // Kabupaten Kotawaringin Barat (62.01)

interface Caller {
  get(path: string): Promise<ApiResponse>;
  post(path: string, body?: unknown): Promise<ApiResponse>;
}

describe('facilitators bound to a region: lists, detail, history, commands, inbox and live (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let as: ReturnType<typeof actors>;
  const clients: LiveClient[] = [];
  /** The aspirations of this test, by name, and their submissions' message ids. */
  const ids: Record<string, string> = {};
  const messages: Record<string, string> = {};
  let last = '0';
  const tokens: Record<string, string> = {};
  let katingan: Caller;
  let kobar: Caller;
  let provincial: Caller;

  /** A development token for a facilitator; without a region, a platform-wide one (a provincial moderator). */
  const facilitatorToken = async (actorId: string, regionCode?: string) => {
    const body = { actorId, role: 'facilitator', ...(regionCode !== undefined && { regionCode }) };
    const response = await api.send('POST', '/api/dev/tokens', { body });
    if (response.status !== 201) throw new Error(`No token: ${JSON.stringify(response.body)}`);
    return response.body.token as string;
  };
  const caller = (token: string): Caller => ({
    get: (path) => api.send('GET', path, { token }),
    post: (path, body = {}) => api.send('POST', path, { token, body }),
  });
  /** Sends a command that must succeed, and remembers its position so the next read sees it. */
  const step = async (request: Promise<ApiResponse>) => {
    const response = await request;
    if (response.status >= 300) throw new Error(`Step failed: ${JSON.stringify(response.body)}`);
    last = response.body.position;
    return response.body as { id: string; position: string; messageId?: string };
  };
  /** The ids of this test's aspirations a list shows the caller, sorted. */
  const listed = async (who: Caller, path: string) => {
    const response = await who.get(`${path}?minPosition=${last}&limit=100`);
    expect(response.status).toBe(200);
    const mine = new Set(Object.values(ids));
    return (response.body.items as Array<{ id: string }>)
      .map(({ id }) => id)
      .filter((id) => mine.has(id))
      .sort();
  };
  const named = (...names: string[]) => names.map((name) => ids[name]).sort();
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
    tokens.katingan = await facilitatorToken('fasil-katingan', '62.06');
    tokens.kobar = await facilitatorToken('fasil-kobar', '62.01');
    tokens.provincial = await facilitatorToken('fasil-kalteng');
    [katingan, kobar, provincial] = [tokens.katingan, tokens.kobar, tokens.provincial].map(caller);
    for (const [name, overrides] of [
      ['katingan', { regionCode: KASONGAN_BARU }],
      ['secret', { regionCode: KASONGAN_BARU, visibility: 'confidential' }],
      ['kobar', { regionCode: KUMAI_HULU, title: 'Jalan rusak di Kumai Hulu' }],
    ] as const) {
      const submitted = await step(as.warga.post('/api/aspirations', roadComplaint(overrides)));
      ids[name] = submitted.id;
      messages[name] = submitted.messageId!;
    }
  });
  afterEach(() => clients.splice(0).forEach((client) => client.close()));
  afterAll(() => running.close());

  it('lists, shows and tells the history of unverified aspirations to their region’s facilitators only', async () => {
    expect(await listed(katingan, '/api/aspirations')).toEqual(named('katingan', 'secret'));
    expect(await listed(kobar, '/api/aspirations')).toEqual(named('kobar'));
    expect(await listed(provincial, '/api/aspirations')).toEqual(named('katingan', 'secret', 'kobar'));
    for (const [who, theirs, other] of [
      [katingan, ids.katingan, ids.kobar],
      [kobar, ids.kobar, ids.katingan],
      [provincial, ids.kobar, undefined],
    ] as const) {
      expect((await who.get(`/api/aspirations/${theirs}?minPosition=${last}`)).status).toBe(200);
      expect((await who.get(`/api/aspirations/${theirs}/history`)).status).toBe(200);
      if (other === undefined) continue;
      // Not in their region and not public: it does not exist for them.
      for (const path of [
        `/api/aspirations/${other}?minPosition=${last}`,
        `/api/aspirations/${other}/history`,
      ])
        expect((await who.get(path)).body).toMatchObject({ status: 404, code: 'aspiration_not_found' });
    }
  });

  it('answers commands outside the region as the queries do: 404 while unseen, 403 once public', async () => {
    expect((await katingan.post(`/api/aspirations/${ids.kobar}/verify`)).body).toMatchObject({
      code: 'aspiration_not_found',
    });
    const reject = await kobar.post(`/api/aspirations/${ids.katingan}/reject`, { reason: 'Bukan aspirasi' });
    expect(reject.body).toMatchObject({ status: 404, code: 'aspiration_not_found' });
    await step(katingan.post(`/api/aspirations/${ids.katingan}/verify`));
    await step(katingan.post(`/api/aspirations/${ids.secret}/verify`));
    await step(kobar.post(`/api/aspirations/${ids.kobar}/verify`));

    // Published now: Kotawaringin's facilitator reads it as the public does, and may not act on it.
    const outside = { status: 403, body: { code: 'outside_facilitator_region' } };
    expect(await kobar.post(`/api/aspirations/${ids.katingan}/assign`)).toMatchObject(outside);
    const hide = `/api/aspirations/${ids.katingan}/messages/${messages.katingan}/hide`;
    expect(await kobar.post(hide, { reason: 'Kasar' })).toMatchObject(outside);
    await step(katingan.post(`/api/aspirations/${ids.katingan}/assign`));
    await step(katingan.post(`/api/aspirations/${ids.secret}/assign`, { agencyId: 'dinas-pupr' }));
    await step(provincial.post(`/api/aspirations/${ids.kobar}/assign`, { agencyId: 'dinas-pupr' }));
    const forward = { toAgencyId: 'dinas-perhubungan', reason: 'Kewenangan Dishub' };
    expect(await kobar.post(`/api/aspirations/${ids.katingan}/forward`, forward)).toMatchObject(outside);
    expect(await kobar.post(`/api/aspirations/${ids.katingan}/close`)).toMatchObject(outside);
    expect((await kobar.post(`/api/aspirations/${ids.secret}/forward`, forward)).status).toBe(404);
    expect((await kobar.post(`/api/aspirations/${ids.secret}/escalate`, { stage: 'response' })).status).toBe(
      404,
    );

    expect(await listed(kobar, '/api/aspirations')).toEqual(named('katingan', 'kobar'));
    const detail = await kobar.get(`/api/aspirations/${ids.katingan}?minPosition=${last}`);
    const publicDetail = await api.send('GET', `/api/aspirations/${ids.katingan}?minPosition=${last}`);
    expect(detail.body).toEqual(publicDetail.body);
  });

  it('takes on-behalf submissions into the facilitator’s own region only', async () => {
    const villager = { onBehalfOf: { name: 'Ibu Sari' } };
    const elsewhere = await kobar.post('/api/aspirations', roadComplaint(villager));
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'outside_facilitator_region' } });
    const home = await kobar.post('/api/aspirations', roadComplaint({ ...villager, regionCode: KUMAI_HULU }));
    expect(home.status).toBe(201);
    expect((await provincial.post('/api/aspirations', roadComplaint(villager))).status).toBe(201);
  });

  it("reads an agency's inbox to a facilitator for their region only", async () => {
    const inbox = '/api/agencies/dinas-pupr/inbox';
    expect(await listed(katingan, inbox)).toEqual(named('katingan', 'secret'));
    expect(await listed(kobar, inbox)).toEqual(named('kobar'));
    expect(await listed(provincial, inbox)).toEqual(named('katingan', 'secret', 'kobar'));
    expect(await listed(as.pupr, inbox)).toEqual(named('katingan', 'secret', 'kobar'));
  });

  it('pushes an inbox and a thread to a facilitator only within their region', async () => {
    const [inKatingan, inKobar, everywhere, anonymous] = [
      await connect(tokens.katingan),
      await connect(tokens.kobar),
      await connect(tokens.provincial),
      await connect(),
    ];
    for (const client of [inKatingan, inKobar, everywhere])
      expect(await client.subscribe('agency:dinas-pupr', last)).toMatchObject({ ok: true });
    expect(await inKobar.subscribe(`aspiration:${ids.secret}`, last)).toMatchObject({
      ok: false,
      error: { code: 'aspiration_not_found' },
    });
    const thread = `aspiration:${ids.katingan}`;
    for (const client of [inKatingan, inKobar, anonymous])
      expect(await client.subscribe(thread, last)).toMatchObject({ ok: true });

    // Kotawaringin, then Katingan, then Kotawaringin again: each waits for a change after the other region's.
    const respond = (id: string) =>
      step(as.pupr.post(`/api/aspirations/${id}/responses`, { body: 'Kami tinjau.' }));
    const kobarFirst = await respond(ids.kobar);
    const katinganAnswer = await respond(ids.katingan);
    const kobarAgain = await step(
      as.pupr.post(`/api/aspirations/${ids.kobar}/resolve`, { summary: 'Selesai.' }),
    );
    const at = (client: LiveClient, topic: string, position: string) =>
      client.until(() => client.of(topic).some((c) => c.position === position), `${topic} at ${position}`);
    await at(inKatingan, 'agency:dinas-pupr', katinganAnswer.position);
    await at(inKobar, 'agency:dinas-pupr', kobarAgain.position);
    await at(everywhere, 'agency:dinas-pupr', kobarAgain.position);
    await at(anonymous, thread, katinganAnswer.position);
    await at(inKobar, thread, katinganAnswer.position);

    const threadsIn = (client: LiveClient) =>
      new Set(client.of('agency:dinas-pupr').map((c) => (c.payload as { thread: { id: string } }).thread.id));
    expect(threadsIn(inKatingan)).toEqual(new Set([ids.katingan]));
    expect(threadsIn(inKobar)).toEqual(new Set([ids.kobar]));
    expect(threadsIn(everywhere)).toEqual(new Set([ids.katingan, ids.kobar]));
    expect(everywhere.of('agency:dinas-pupr').map((c) => c.position)).toContain(kobarFirst.position);
    // On a public thread of another region, a facilitator gets the public's frames, never the facilitators'.
    expect(inKobar.of(thread)).toEqual(anonymous.of(thread));
    expect(inKatingan.of(thread).map((c) => c.position)).toContain(katinganAnswer.position);
  });

  it('ends the live subscriptions of a facilitator whose renewed token names another region', async () => {
    const client = await connect(tokens.katingan);
    expect(await client.subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });
    const same = await client.send('reauthenticate', {
      token: await facilitatorToken('fasil-katingan', '62.06'),
    });
    expect(same).toMatchObject({ ok: true, subscriptionsEnded: 0 });
    const moved = await client.send('reauthenticate', {
      token: await facilitatorToken('fasil-katingan', '62.01'),
    });
    expect(moved).toMatchObject({ ok: true, subscriptionsEnded: 1 });
    expect(client.unsubscribed).toEqual([expect.objectContaining({ reason: 'role_changed' })]);
  });

  it('issues development tokens with a region for facilitators only, and the region is what they then see', async () => {
    const role = fc.constantFrom('citizen', 'facilitator', 'auditor', 'admin', 'official:dinas-pupr');
    const regionCode = fc.oneof(
      fc.constantFrom(undefined, '62', '62.06', '62.06.02', KASONGAN_BARU, '62.01', '11.01'),
      fc.constantFrom(null, 62, '', '62.6', '62.06.', ' 62.06', '62.06.02.1003.1', ['62.06'], { $ne: null }),
      fc.stringMatching(/^[0-9.]{1,14}$/),
    );
    await fc.assert(
      fc.asyncProperty(role, regionCode, async (role, regionCode) => {
        const response = await api.send('POST', '/api/dev/tokens', {
          body: { actorId: 'someone', role, regionCode },
        });
        const bound = role === 'facilitator' && isRegionCode(regionCode);
        if (regionCode !== undefined && !bound) {
          expect(response.status).toBe(400);
          expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['regionCode']);
          return;
        }
        expect(response.status).toBe(201);
        // The confidential Kasongan Baru thread, assigned to Dinas PUPR above: for a facilitator, their region
        // decides whether it exists.
        const seen = await caller(response.body.token).get(`/api/aspirations/${ids.secret}`);
        const facilitates = role === 'facilitator' && (!bound || regionCovers(regionCode, KASONGAN_BARU));
        const sees = facilitates || role === 'auditor' || role === 'official:dinas-pupr';
        expect(seen.status).toBe(sees ? 200 : 404);
      }),
      { numRuns: 80 },
    );
  });
});
