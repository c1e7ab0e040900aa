import { LiveClient } from '../src/live/testing/live-client';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

const KASONGAN_BARU = '62.06.02.1003';
const KATINGAN = '62.06';

describe('announcements: published, reached live, acknowledged, corrected, withdrawn, asked and answered (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await running.close();
  });

  const official = () => api.as('pupr-1', 'official:dinas-pupr');
  const facilitator = () => api.as('fasil-1', 'facilitator');
  const citizen = (n: number) => api.as(`warga-${n}`, 'citizen');
  const text = {
    title: 'Jadwal perbaikan jalan poros',
    body: 'Perbaikan jalan poros desa dimulai Senin depan, mohon hati-hati saat melintas.',
  };

  async function groupWithMembers(...members: number[]): Promise<{ groupId: string; position: string }> {
    const founded = await facilitator().post('/api/groups', {
      name: 'KIM Kasongan Baru',
      regionCode: KASONGAN_BARU,
      joinPolicy: 'open',
    });
    let position = founded.body.position as string;
    for (const n of members)
      position = (await citizen(n).post(`/api/groups/${founded.body.id}/join`)).body.position;
    return { groupId: founded.body.id, position };
  }

  it('reaches a group’s members live on group:<id>, and counts their acknowledgements once each', async () => {
    const { groupId, position } = await groupWithMembers(1, 2);
    const topic = `group:${groupId}`;
    const member = await LiveClient.connect(running.url, { token: await api.tokenFor('warga-1', 'citizen') });
    clients.push(member);
    expect(await member.subscribe(topic, position)).toMatchObject({ ok: true });

    const published = await official().post('/api/announcements', { ...text, groupIds: [groupId] });
    expect(published.status).toBe(201);
    const id: string = published.body.id;
    await member.until(
      () => member.of(topic).some((c) => c.eventType === 'AnnouncementPublished'),
      'the announcement on the group topic',
    );
    const pushed = member.of(topic).find((c) => c.eventType === 'AnnouncementPublished')!.payload;
    expect(pushed).toMatchObject({ announcement: { id, title: text.title, acknowledgements: 0 } });

    const unread = await citizen(1).get(`/api/announcements/${id}?minPosition=${published.body.position}`);
    expect(unread.body).toMatchObject({ acknowledgements: 0, acknowledged: false });
    await citizen(1).post(`/api/announcements/${id}/acknowledgements`);
    await citizen(1).post(`/api/announcements/${id}/acknowledgements`);
    const second = await citizen(2).post(`/api/announcements/${id}/acknowledgements`);
    await member.until(
      () =>
        member
          .of(topic)
          .some(
            (c) =>
              (c.payload as { announcement?: { acknowledgements: number } }).announcement
                ?.acknowledgements === 2,
          ),
      'two acknowledgements counted',
    );
    const seen = await citizen(1).get(`/api/announcements/${id}?minPosition=${second.body.position}`);
    expect(seen.body).toMatchObject({ acknowledgements: 2, acknowledged: true });
    // Members were told of it (kind `announcement`, naming their group).
    const told = await citizen(2).get(`/api/me/notifications?minPosition=${second.body.position}`);
    expect(
      told.body.items.map((n: { kind: string; groupId: string | null }) => [n.kind, n.groupId]),
    ).toContainEqual(['announcement', groupId]);
    // The group's feed shows it to its members.
    const feed = await citizen(2).get(`/api/groups/${groupId}/feed?minPosition=${second.body.position}`);
    expect(feed.body.items).toContainEqual(expect.objectContaining({ kind: 'announcement', id }));
    const mine = await citizen(2).get('/api/me/announcements');
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(id);

    // Not a member: the group announcement does not exist for them, and they cannot acknowledge it.
    expect((await citizen(9).get(`/api/announcements/${id}`)).status).toBe(404);
    expect((await citizen(9).post(`/api/announcements/${id}/acknowledgements`)).status).toBe(404);
    expect((await api.send('GET', `/api/announcements?group=${groupId}`)).body.items).toEqual([]);
  });

  it('shows a regency’s announcement to a village below it, live on the topics of the village and above', async () => {
    // A region announcement is pushed on its region's topic and those above; a village page follows its own and above.
    const village = await LiveClient.connect(running.url);
    clients.push(village);
    for (const code of ['62', '62.06', '62.06.02', KASONGAN_BARU])
      expect(await village.subscribe(`region:${code}`)).toMatchObject({ ok: true });
    const published = await official().post('/api/announcements', { ...text, regionCode: KATINGAN });
    const id: string = published.body.id;
    await village.until(
      () => village.of(`region:${KATINGAN}`).some((c) => c.eventType === 'AnnouncementPublished'),
      'the regency’s announcement',
    );
    expect(village.of(`region:${KASONGAN_BARU}`)).toEqual([]);
    const listed = await api.send(
      'GET',
      `/api/announcements?region=${KASONGAN_BARU}&minPosition=${published.body.position}`,
    );
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(id);
    const elsewhere = await api.send('GET', '/api/announcements?region=62.01');
    expect(elsewhere.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('keeps every version through a correction and a withdrawal', async () => {
    const published = await facilitator().post('/api/announcements', { ...text, regionCode: KASONGAN_BARU });
    const id: string = published.body.id;
    const correction = {
      title: 'Jadwal perbaikan jalan poros (ralat)',
      body: 'Perbaikan dimulai Selasa depan.',
    };
    expect((await official().post(`/api/announcements/${id}/corrections`, correction)).status).toBe(403);
    await facilitator().post(`/api/announcements/${id}/corrections`, correction);
    const withdrawn = await facilitator().post(`/api/announcements/${id}/withdraw`, { reason: 'Dibatalkan' });
    const detail = await api.send('GET', `/api/announcements/${id}?minPosition=${withdrawn.body.position}`);
    expect(detail.body).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: 'Dibatalkan',
      title: correction.title,
      version: 2,
      versions: [
        { version: 1, title: text.title, corrected: true },
        { version: 2, title: correction.title, corrected: false },
      ],
    });
    const late = await citizen(1).post(`/api/announcements/${id}/acknowledgements`);
    expect(late.body).toMatchObject({ status: 409, code: 'announcement_withdrawn' });
  });

  it('lets a citizen ask and the publisher answer; the asker shows as "warga" to the public', async () => {
    const published = await official().post('/api/announcements', { ...text, regionCode: KATINGAN });
    const id: string = published.body.id;
    const asked = await citizen(3).post(`/api/announcements/${id}/questions`, { text: 'Jalan mana saja?' });
    expect(asked.status).toBe(201);
    const before = await api.send('GET', `/api/announcements/${id}?minPosition=${asked.body.position}`);
    const questionId: string = asked.body.questionId;
    expect(before.body.questions[0].questionId).toBe(questionId);
    expect(before.body.questions[0]).toMatchObject({
      text: 'Jalan mana saja?',
      asker: 'warga',
      answer: null,
    });

    const path = `/api/announcements/${id}/questions/${questionId}/answer`;
    expect((await api.as('dinkes-1', 'official:dinas-kesehatan').post(path, { text: 'x' })).status).toBe(403);
    const answered = await official().post(path, { text: 'Jalan poros desa Kasongan Baru.' });
    const after = await api.send('GET', `/api/announcements/${id}?minPosition=${answered.body.position}`);
    expect(after.body).toMatchObject({ questionCount: 1, answeredCount: 1 });
    expect(after.body.questions[0].answer).toBe('Jalan poros desa Kasongan Baru.');
    // The asker is told of the answer.
    const told = await citizen(3).get(`/api/me/notifications?minPosition=${answered.body.position}`);
    expect(told.body.items.map((n: { kind: string; title: string }) => [n.kind, n.title])).toContainEqual([
      'announcement_answer',
      'Jalan mana saja?',
    ]);
    expect((await official().post(path, { text: 'lagi' })).body).toMatchObject({
      code: 'question_already_answered',
    });
  });
});
