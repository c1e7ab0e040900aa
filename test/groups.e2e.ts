import { projections } from '../projections';
import { GROUPS_PROJECTION } from '../src/groups/read-models/group.document';
import { ApiClient } from './support/api-client';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

describe('KIM groups: founded, joined, drafting and co-signing an aspiration an agency answers (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
  });
  afterAll(() => running.close());

  const fasil = () => api.as('fasil-1', 'facilitator');
  const citizen = (n: number) => api.as(`warga-${n}`, 'citizen');
  const pupr = () => api.as('pupr-1', 'official:dinas-pupr');

  const kim = {
    name: 'KIM Kasongan Baru',
    description: 'Kelompok Informasi Masyarakat desa Kasongan Baru',
    regionCode: '62.06.02.1003',
    joinPolicy: 'open',
    signatureThreshold: 3,
  };
  const lamps = {
    title: 'Lampu jalan desa padam',
    body: 'Lampu jalan di sepanjang jalan desa padam sejak sebulan, warga takut keluar malam.',
    category: 'infrastruktur',
    anonymous: false,
  };

  async function foundedWith(members: number[], overrides: object = {}) {
    const founded = await fasil().post('/api/groups', { ...kim, ...overrides });
    expect(founded.status).toBe(201);
    const id: string = founded.body.id;
    for (const n of members) expect((await citizen(n).post(`/api/groups/${id}/join`)).status).toBe(200);
    return id;
  }

  it('is founded by a facilitator and joined by citizens, who show in the list and in their own groups', async () => {
    const id = await foundedWith([1, 2]);
    const left = await citizen(2).post(`/api/groups/${id}/leave`);
    const detail = await citizen(1).get(`/api/groups/${id}?minPosition=${left.body.position}`);
    expect(detail.body.group).toMatchObject({
      id,
      name: kim.name,
      status: 'active',
      memberCount: 1,
      membership: 'member',
      insider: true,
      memberKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const members = await citizen(1).get(`/api/groups/${id}/members`);
    expect(members.body.items).toEqual([
      expect.objectContaining({
        memberKey: detail.body.group.memberKey,
        status: 'member',
        coordinator: false,
      }),
    ]);
    // Outsiders see the group, never who is in it.
    expect((await citizen(9).get(`/api/groups/${id}/members`)).body.code).toBe('members_only');
    expect((await api.send('GET', `/api/groups/${id}`)).body.group.memberCount).toBe(1);
    const listed = await api.send('GET', `/api/groups?region=62.06.02&minPosition=${left.body.position}`);
    expect(listed.body.items.map((g: { id: string }) => g.id)).toContain(id);
    const mine = await citizen(1).get('/api/me/groups');
    expect(mine.body.items).toContainEqual(
      expect.objectContaining({ groupId: id, groupName: kim.name, status: 'member' }),
    );
  });

  it('submits a member’s draft when co-signatures reach the threshold; the official sees whom it speaks for', async () => {
    const id = await foundedWith([1, 2, 3]);
    const drafted = await citizen(1).post(`/api/groups/${id}/drafts`, lamps);
    expect(drafted.status).toBe(201);
    expect(drafted.body).toMatchObject({ signatures: 1, aspirationId: null });
    const draftId: string = drafted.body.id;

    const second = await citizen(2).post(`/api/groups/${id}/drafts/${draftId}/signatures`);
    expect(second.body).toMatchObject({ id: draftId, signatures: 2, aspirationId: null });
    expect((await citizen(2).post(`/api/groups/${id}/drafts/${draftId}/signatures`)).body.code).toBe(
      'already_signed',
    );
    expect((await citizen(9).post(`/api/groups/${id}/drafts/${draftId}/signatures`)).body.code).toBe(
      'members_only',
    );
    const third = await citizen(3).post(`/api/groups/${id}/drafts/${draftId}/signatures`);
    expect(third.body).toMatchObject({ signatures: 3, aspirationId: expect.any(String) });
    const aspirationId: string = third.body.aspirationId;

    const drafts = await citizen(2).get(`/api/groups/${id}/drafts?minPosition=${third.body.position}`);
    expect(drafts.body.items[0]).toMatchObject({
      id: draftId,
      status: 'submitted',
      aspirationId,
      signedByYou: true,
    });

    await fasil().post(`/api/aspirations/${aspirationId}/verify`);
    await fasil().post(`/api/aspirations/${aspirationId}/assign`);
    const answered = await pupr().post(`/api/aspirations/${aspirationId}/responses`, {
      body: 'Kami akan memperbaiki lampu jalan minggu ini.',
    });
    expect(answered.status).toBe(201);
    const seen = await pupr().get(`/api/aspirations/${aspirationId}?minPosition=${answered.body.position}`);
    expect(seen.body.aspiration).toMatchObject({
      groupId: id,
      groupName: kim.name,
      groupSignatures: 3,
      groupDraftId: draftId,
      submittedBy: 'warga-1',
      status: 'in_progress',
    });
    const inbox = await pupr().get('/api/agencies/dinas-pupr/inbox');
    expect(inbox.body.items).toContainEqual(
      expect.objectContaining({ id: aspirationId, groupId: id, groupSignatures: 3 }),
    );
    // Members heard of the draft waiting for them, and of the answer to the group's aspiration.
    const told = await citizen(3).get(`/api/me/notifications?minPosition=${answered.body.position}`);
    expect(told.body.items.map((n: { kind: string; groupId: string | null }) => [n.kind, n.groupId])).toEqual(
      expect.arrayContaining([
        ['group_draft', id],
        ['group_response', id],
      ]),
    );
    const ofGroup = await api.send('GET', `/api/groups/${id}/aspirations`);
    expect(ofGroup.body.items.map((t: { id: string }) => t.id)).toEqual([aspirationId]);
  });

  it('submits a draft at once when the group’s threshold is one', async () => {
    const id = await foundedWith([6], { signatureThreshold: 1 });
    const drafted = await citizen(6).post(`/api/groups/${id}/drafts`, lamps);
    expect(drafted.body).toMatchObject({ signatures: 1, aspirationId: expect.any(String) });
    const seen = await citizen(6).get(
      `/api/aspirations/${drafted.body.aspirationId}?minPosition=${drafted.body.position}`,
    );
    expect(seen.body.aspiration).toMatchObject({ groupId: id, groupSignatures: 1, status: 'submitted' });
  });

  it('submits once when signatures reach the threshold together, each in its own stream', async () => {
    const id = await foundedWith([11, 12, 13, 14, 15]);
    const drafted = await citizen(11).post(`/api/groups/${id}/drafts`, lamps);
    const signatures = await Promise.all(
      [12, 13, 14, 15].map((n) => citizen(n).post(`/api/groups/${id}/drafts/${drafted.body.id}/signatures`)),
    );
    expect(signatures.map((s) => s.status)).toEqual([201, 201, 201, 201]);
    const submitted = new Set(signatures.map((s) => s.body.aspirationId).filter((a) => a !== null));
    expect(submitted.size).toBe(1);
    const last = signatures.map((s) => BigInt(s.body.position)).reduce((a, b) => (a > b ? a : b));
    const ofGroup = await api.send('GET', `/api/groups/${id}/aspirations?minPosition=${last}`);
    // Not public before verification: the drafter sees the one aspiration the group submitted.
    const mine = await citizen(11).get(`/api/me/aspirations?minPosition=${last}`);
    expect(mine.body.items.filter((t: { groupId: string }) => t.groupId === id)).toHaveLength(1);
    expect(ofGroup.body.items).toEqual([]);
  });

  it('checks a submission’s groupId against membership, naming the field', async () => {
    const id = await foundedWith([1]);
    const asMember = await citizen(1).post('/api/aspirations', roadComplaint({ groupId: id }));
    expect(asMember.status).toBe(201);
    const cases: Array<[ReturnType<typeof citizen>, string, number, string]> = [
      [citizen(8), id, 403, 'not_a_group_member'],
      [citizen(1), '00000000-0000-4000-8000-000000000000', 404, 'group_not_found'],
    ];
    for (const [who, groupId, status, code] of cases) {
      const refused = await who.post('/api/aspirations', roadComplaint({ groupId }));
      expect({ status: refused.status, code: refused.body.code, errors: refused.body.errors }).toEqual({
        status,
        code,
        errors: [{ field: 'groupId', message: expect.any(String) }],
      });
    }
    const dissolve = await fasil().post(`/api/groups/${id}/dissolve`, {
      reason: 'Pengurus tidak aktif lagi',
    });
    const dissolved = await citizen(1).post('/api/aspirations', roadComplaint({ groupId: id }));
    expect({ status: dissolved.status, code: dissolved.body.code }).toEqual({
      status: 409,
      code: 'group_not_active',
    });
    // History stays readable.
    const history = `/api/groups/${id}/aspirations?minPosition=${dissolve.body.position}`;
    expect((await api.send('GET', history)).status).toBe(200);
  });

  it('waits for the groups read model before it says a group given a position does not exist', async () => {
    const groups = running.runners[projections.findIndex((p) => p.name === GROUPS_PROJECTION)];
    await groups.stop();
    const founded = await fasil().post('/api/groups', kim);
    const joined = await citizen(1).post(`/api/groups/${founded.body.id}/join`);
    expect([founded.status, joined.status]).toEqual([201, 200]);
    // The groups read model lags behind the write (as under load, or on another instance) and then catches up.
    const caughtUp = new Promise<void>((resolve) => setTimeout(() => resolve(groups.start()), 300));
    const at = `minPosition=${joined.body.position}`;
    const reads = await Promise.all(
      ['', '/aspirations', '/feed', '/members'].map((route) =>
        citizen(1).get(`/api/groups/${founded.body.id}${route}?${at}`),
      ),
    );
    await caughtUp;
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200]);
  });

  it('lets a citizen propose a closed group, a facilitator approve it, and its coordinator admit members', async () => {
    const proposed = await citizen(4).post('/api/groups', { ...kim, joinPolicy: 'closed' });
    const id: string = proposed.body.id;
    expect((await citizen(5).get(`/api/groups/${id}`)).status).toBe(404);
    const approved = await fasil().post(`/api/groups/${id}/approve`);
    expect(approved.status).toBe(200);
    const asked = await citizen(5).post(`/api/groups/${id}/join`);
    const requests = await citizen(4).get(
      `/api/groups/${id}/members?status=requested&minPosition=${asked.body.position}`,
    );
    expect(requests.body.items).toHaveLength(1);
    const { memberKey } = requests.body.items[0];
    const admitted = await citizen(4).post(`/api/groups/${id}/join-requests/${memberKey}/approve`);
    expect(admitted.status).toBe(200);
    const appointed = await citizen(4).post(`/api/groups/${id}/coordinators/${memberKey}`);
    const members = await citizen(5).get(`/api/groups/${id}/members?minPosition=${appointed.body.position}`);
    expect(members.body.items.map((m: { coordinator: boolean }) => m.coordinator)).toEqual([true, true]);
    const removed = await api.send('DELETE', `/api/groups/${id}/coordinators/${memberKey}`, {
      token: await api.tokenFor('fasil-1', 'facilitator'),
    });
    expect(removed.status).toBe(200);
  });
});
