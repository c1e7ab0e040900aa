import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { findChainBreak } from '../src/platform/event-store/event-hash';
import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { actors, registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('an aspiration through its whole lifecycle over HTTP (e2e)', () => {
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

  it('goes from submission to closing, and every step is in its history, also after a restart', async () => {
    const submitted = await as.warga.post('/api/aspirations', roadComplaint(), 'warga-1-first');
    expect(submitted).toMatchObject({
      status: 201,
      body: { id: expect.any(String), position: expect.any(String) },
    });
    const id = submitted.body.id;
    const at = (verb: string) => `/api/aspirations/${id}/${verb}`;

    const steps = [
      await as.fasilitator.post(at('verify')),
      await as.fasilitator.post(at('assign')), // the category's default route: Dinas PUPR
      await as.pupr.post(at('forward'), {
        toAgencyId: 'dinas-perhubungan',
        reason: 'Jalan kabupaten, bukan desa',
      }),
      await as.dishub.post(at('forward'), {
        toAgencyId: 'dinas-pupr',
        reason: 'Perbaikan fisik jalan adalah tugas PUPR',
      }),
      await as.pupr.post(at('responses'), { body: 'Tim kami akan meninjau lokasi pada hari Senin.' }),
      await as.warga.post(at('replies'), { body: 'Terima kasih, lubang terbesar ada di depan sekolah.' }),
      await as.tetangga.post(at('endorsements')),
      await as.pupr.post(at('resolve'), { summary: 'Lubang sudah ditambal pada tanggal 3.' }),
      await as.warga.post(at('reopen'), { reason: 'Tambalan sudah rusak lagi setelah hujan.' }),
      await as.pupr.post(at('resolve'), { summary: 'Jalan sudah diaspal ulang.' }),
      await as.warga.post(at('rating'), { rating: 5, comment: 'Cepat dan jelas' }),
      await as.warga.post(at('close')),
    ];
    for (const step of steps) expect(step.status).toBeLessThan(300);
    const positions = steps.map((s) => BigInt(s.body.position));
    expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);

    const reply = steps[5];
    const hidden = await as.fasilitator.post(`/api/aspirations/${id}/messages/${reply.body.messageId}/hide`, {
      reason: 'Menyebut nama guru secara tidak pantas',
    });
    expect(hidden.status).toBe(200);

    const expectedTypes = [
      'AspirationSubmitted',
      'AspirationVerified',
      'AspirationAssigned',
      'AspirationForwarded',
      'AspirationForwarded',
      'OfficialResponded',
      'CitizenReplied',
      'AspirationResolved',
      'AspirationReopened',
      'AspirationResolved',
      'AspirationRated',
      'AspirationClosed',
      'MessageHidden',
    ];
    const before = await as.warga.get(`/api/aspirations/${id}/history`);
    expect(before.body.events.map((e: { type: string }) => e.type)).toEqual(expectedTypes);
    expect(before.body.events[2].data.agencyId).toBe('dinas-pupr');

    const dataDir = running.config.dataDir;
    await running.close();
    running = await startTestApp(dataDir);
    api = new ApiClient(running.url);
    as = actors(api);
    const after = await as.warga.get(`/api/aspirations/${id}/history`);
    expect(after.body).toEqual(before.body);
    const store = running.app.get<EventStore>(EVENT_STORE);
    expect(findChainBreak(await store.readStream(`aspiration-${id}`))).toBeUndefined();
  });

  it('lets a facilitator submit on behalf of a villager', async () => {
    const onBehalf = await as.fasilitator.post(
      '/api/aspirations',
      roadComplaint({ onBehalfOf: { name: 'Ibu Sari', contact: '0812-0000-1111' } }),
    );
    expect(onBehalf.status).toBe(201);
    const history = await as.fasilitator.get(`/api/aspirations/${onBehalf.body.id}/history`);
    expect(history.body.events[0].data.onBehalfOf).toEqual({ name: 'Ibu Sari', contact: '0812-0000-1111' });
  });

  it('escalates to the parent agency once the response deadline has passed', async () => {
    const clock = new MutableClock(new Date('2026-11-27T02:00:00Z')); // Friday morning in Kasongan (WIB)
    const timed = await startTestApp(undefined, clock);
    const timedApi = new ApiClient(timed.url);
    const who = actors(timedApi);
    try {
      await registerKatinganAgencies(timedApi);
      const { id } = (await who.warga.post('/api/aspirations', roadComplaint())).body;
      await who.fasilitator.post(`/api/aspirations/${id}/verify`);
      const assigned = await who.fasilitator.post(`/api/aspirations/${id}/assign`, {
        agencyId: 'dinas-pupr',
      });
      expect(assigned.status).toBe(200);
      // Five working days from Friday 27 November: 30 Nov – 4 Dec; due at the end of Friday 4 December, WIB.
      clock.set('2026-12-04T16:59:59.999Z');
      expect(
        (await who.fasilitator.post(`/api/aspirations/${id}/escalate`, { stage: 'response' })).status,
      ).toBe(409);
      clock.set('2026-12-04T17:00:00.000Z');
      const escalated = await who.fasilitator.post(`/api/aspirations/${id}/escalate`, { stage: 'response' });
      expect(escalated.status).toBe(200);
      const history = await who.auditor.get(`/api/aspirations/${id}/history`);
      expect(history.body.events.at(-1)).toMatchObject({
        type: 'AspirationEscalated',
        data: { stage: 'response', fromAgencyId: 'dinas-pupr', toAgencyId: 'pemkab-katingan' },
      });
    } finally {
      await timed.close();
    }
  });
});
