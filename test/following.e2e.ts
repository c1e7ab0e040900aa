import { ApiClient } from './support/api-client';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('following aspirations (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
  });
  afterAll(() => running.close());

  const warga = () => api.as('warga-1', 'citizen');
  const tetangga = () => api.as('warga-2', 'citizen');
  const fasil = () => api.as('fasil-1', 'facilitator');

  async function submitted(overrides: object = {}) {
    const response = await warga().post('/api/aspirations', roadComplaint(overrides));
    expect(response.status).toBe(201);
    return { id: response.body.id as string, position: response.body.position as string };
  }

  const kindsOf = async (person: ReturnType<typeof tetangga>, position: string) =>
    (await person.get(`/api/me/notifications?minPosition=${position}`)).body.items.map(
      (n: { kind: string; change: string | null; aspirationId: string }) => [
        n.kind,
        n.change,
        n.aspirationId,
      ],
    );

  it('follows a verified aspiration, lists it, hears its replies, and stops after unfollowing', async () => {
    const { id } = await submitted();
    await fasil().post(`/api/aspirations/${id}/verify`);
    const followed = await tetangga().post(`/api/aspirations/${id}/follow`);
    expect(followed.status).toBe(201);
    expect(followed.body).toEqual({ id, position: expect.any(String) });

    const follows = await tetangga().get(`/api/me/follows?minPosition=${followed.body.position}`);
    expect(follows.body.items).toEqual([{ aspirationId: id, since: expect.any(String), reason: 'followed' }]);

    await fasil().post(`/api/aspirations/${id}/assign`);
    await api
      .as('pupr-1', 'official:dinas-pupr')
      .post(`/api/aspirations/${id}/responses`, { body: 'Kami tinjau.' });
    const replied = await warga().post(`/api/aspirations/${id}/replies`, {
      body: 'Terima kasih, kami tunggu.',
    });
    expect(await kindsOf(tetangga(), replied.body.position)).toEqual([
      ['reply', null, id],
      ['response', null, id],
      ['status', 'assigned', id],
    ]);
    // The official who answered follows the thread from then on, and hears the reply too.
    expect((await kindsOf(api.as('pupr-1', 'official:dinas-pupr'), replied.body.position))[0]).toEqual([
      'reply',
      null,
      id,
    ]);

    const unfollowed = await api.send('DELETE', `/api/aspirations/${id}/follow`, {
      token: await api.tokenFor('warga-2', 'citizen'),
    });
    expect(unfollowed.status).toBe(200);
    const resolved = await api.as('pupr-1', 'official:dinas-pupr').post(`/api/aspirations/${id}/resolve`, {
      summary: 'Jalan sudah diaspal ulang.',
    });
    expect((await kindsOf(tetangga(), resolved.body.position))[0]).toEqual(['reply', null, id]);
    expect(
      (await tetangga().get(`/api/me/follows?minPosition=${resolved.body.position}`)).body.items,
    ).toEqual([]);
  });

  it('has the submitter follow their own aspiration from the start, and lets them stop', async () => {
    const { id, position } = await submitted({ title: 'Lampu jalan padam di Kasongan' });
    const again = await warga().post(`/api/aspirations/${id}/follow`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_following');
    const mine = await warga().get(`/api/me/follows?minPosition=${position}&limit=100`);
    expect(mine.body.items).toContainEqual({
      aspirationId: id,
      since: expect.any(String),
      reason: 'submitted',
    });
    const stopped = await warga().delete(`/api/aspirations/${id}/follow`);
    expect(stopped.status).toBe(200);
    const verified = await fasil().post(`/api/aspirations/${id}/verify`);
    // Still told of the verification of their own aspiration; not of what follows it.
    const assigned = await fasil().post(`/api/aspirations/${id}/assign`);
    const told = (await kindsOf(warga(), assigned.body.position)).filter(([, , on]: string[]) => on === id);
    expect(told).toEqual([['status', 'verified', id]]);
    expect(verified.status).toBe(200);
  });

  it('answers that an aspiration one may not see does not exist, and refuses what makes no sense', async () => {
    const { id: unverified } = await submitted({ title: 'Sampah menumpuk di pasar' });
    const unseen = await tetangga().post(`/api/aspirations/${unverified}/follow`);
    expect(unseen.status).toBe(404);
    expect(unseen.body.code).toBe('aspiration_not_found');
    expect((await fasil().post(`/api/aspirations/${unverified}/follow`)).status).toBe(201);
    expect((await fasil().post(`/api/aspirations/${unverified}/follow`)).body.code).toBe('already_following');
    expect((await tetangga().delete(`/api/aspirations/${unverified}/follow`)).body.code).toBe(
      'not_following',
    );
    const malformed = await tetangga().post('/api/aspirations/not-a-uuid/follow');
    expect(malformed.status).toBe(400);
    expect((await api.send('POST', `/api/aspirations/${unverified}/follow`)).status).toBe(401);
    expect((await tetangga().get('/api/me/follows?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });
});
