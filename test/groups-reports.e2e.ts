import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

describe('monitoring reports: recorded, discussed and turned into an aspiration with the link both ways (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(() => running.close());

  const fasil = () => api.as('fasil-1', 'facilitator');
  const citizen = (n: number) => api.as(`warga-${n}`, 'citizen');
  const fertiliser = {
    source: 'Papan pengumuman kantor desa',
    summary: 'Jadwal penyaluran pupuk bersubsidi diumumkan mundur dua minggu tanpa penjelasan.',
    monitoredOn: '2026-01-05',
    photo: 'https://foto.contoh.id/kim/pupuk-01.jpg',
  };
  const aspiration = {
    title: 'Penyaluran pupuk bersubsidi terlambat',
    body: 'Petani Kasongan Baru belum menerima pupuk bersubsidi; jadwal mundur dua minggu tanpa penjelasan.',
    category: 'pertanian',
    anonymous: false,
  };

  /** The position of the last write of `groupWith`: reads of the group wait for it. */
  let founding: string;
  async function groupWith(members: number[], signatureThreshold = 3) {
    const founded = await fasil().post('/api/groups', {
      name: 'KIM Kasongan Baru',
      regionCode: '62.06.02.1003',
      joinPolicy: 'open',
      signatureThreshold,
    });
    founding = founded.body.position;
    for (const n of members)
      founding = (await citizen(n).post(`/api/groups/${founded.body.id}/join`)).body.position;
    return founded.body.id as string;
  }

  it('becomes an aspiration in one step: the report names it, it names the report', async () => {
    const groupId = await groupWith([1, 2]);
    const recorded = await citizen(1).post(`/api/groups/${groupId}/reports`, fertiliser);
    expect(recorded.status).toBe(201);
    const reportId: string = recorded.body.id;
    const reports = `/api/groups/${groupId}/reports`;
    await citizen(2).post(`${reports}/${reportId}/comments`, { body: 'Benar, di dusun kami juga belum.' });
    const asked = await fasil().post(`${reports}/${reportId}/comments`, { body: 'Saya tanyakan ke dinas.' });
    expect(asked.status).toBe(201);
    expect(
      (await citizen(9).get(`${reports}/${reportId}?minPosition=${asked.body.position}`)).body.code,
    ).toBe('members_only');

    const raised = await citizen(2).post(`${reports}/${reportId}/aspiration`, aspiration);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ id: reportId, aspirationId: expect.any(String), draftId: null });
    const again = await citizen(1).post(`${reports}/${reportId}/aspiration`, aspiration);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'report_already_raised',
    });

    const report = await citizen(1).get(`${reports}/${reportId}?minPosition=${raised.body.position}`);
    expect(report.body.report).toMatchObject({
      source: fertiliser.source,
      photo: fertiliser.photo,
      monitoredOn: '2026-01-05',
      recordedBy: { you: true, erased: false },
      aspirationId: raised.body.aspirationId,
      commentCount: 2,
    });
    expect(report.body.report.comments.map((c: { author: { role: string } }) => c.author.role)).toEqual([
      'citizen',
      'facilitator',
    ]);
    const thread = await citizen(2).get(
      `/api/aspirations/${raised.body.aspirationId}?minPosition=${raised.body.position}`,
    );
    expect(thread.body.aspiration).toMatchObject({
      monitoringReportId: reportId,
      groupId,
      groupName: 'KIM Kasongan Baru',
      groupSignatures: null,
      submittedBy: 'warga-2',
      regionCode: '62.06.02.1003',
    });
  });

  it('becomes a group draft that co-signatures submit, the link reaching the aspiration', async () => {
    const groupId = await groupWith([1, 2], 2);
    const reports = `/api/groups/${groupId}/reports`;
    const { body: recorded } = await citizen(1).post(reports, { ...fertiliser, photo: 'IMG_2031.jpg' });
    const raised = await citizen(1).post(`${reports}/${recorded.id}/aspiration`, {
      ...aspiration,
      asGroupDraft: true,
    });
    expect(raised.body).toMatchObject({ aspirationId: null, draftId: expect.any(String) });
    const signed = await citizen(2).post(`/api/groups/${groupId}/drafts/${raised.body.draftId}/signatures`);
    expect(signed.body.aspirationId).toEqual(expect.any(String));
    const report = await citizen(2).get(`${reports}/${recorded.id}?minPosition=${signed.body.position}`);
    expect(report.body.report).toMatchObject({
      draftId: raised.body.draftId,
      aspirationId: signed.body.aspirationId,
    });
    const thread = await fasil().get(
      `/api/aspirations/${signed.body.aspirationId}?minPosition=${signed.body.position}`,
    );
    expect(thread.body.aspiration).toMatchObject({
      monitoringReportId: recorded.id,
      groupDraftId: raised.body.draftId,
      groupSignatures: 2,
    });

    // The feed: reports and aspirations for members, newest first; the public sees published aspirations only.
    const verified = await fasil().post(`/api/aspirations/${signed.body.aspirationId}/verify`);
    const feed = await citizen(1).get(`/api/groups/${groupId}/feed?minPosition=${verified.body.position}`);
    expect(feed.body.items.map((i: { kind: string }) => i.kind)).toEqual(['aspiration', 'report']);
    const page = await citizen(1).get(`/api/groups/${groupId}/feed?limit=1`);
    const next = await citizen(1).get(`/api/groups/${groupId}/feed?limit=1&cursor=${page.body.nextCursor}`);
    expect([...page.body.items, ...next.body.items].map((i: { id: string }) => i.id)).toEqual(
      feed.body.items.map((i: { id: string }) => i.id),
    );
    const forPublic = await api.send(
      'GET',
      `/api/groups/${groupId}/feed?minPosition=${verified.body.position}`,
    );
    expect(forPublic.body.items.map((i: { kind: string }) => i.kind)).toEqual(['aspiration']);
  });

  it('refuses outsiders, and a photo reference that is a link of another kind', async () => {
    const groupId = await groupWith([1]);
    const reports = `/api/groups/${groupId}/reports`;
    expect((await citizen(9).post(reports, fertiliser)).body.code).toBe('members_only');
    const bad = await citizen(1).post(reports, { ...fertiliser, photo: 'javascript:alert(1)' });
    expect({ status: bad.status, errors: bad.body.errors }).toEqual({
      status: 400,
      errors: [{ field: 'photo', message: expect.any(String) }],
    });
    expect((await citizen(9).get(`${reports}?minPosition=${founding}`)).body.code).toBe('members_only');
    expect((await fasil().get(`${reports}?minPosition=${founding}`)).status).toBe(200);
  });
});
