import { LiveClient } from '../src/live/testing/live-client';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

describe('live: the group:<id> topic, for members and the region’s facilitators (e2e)', () => {
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

  const connect = async (actorId: string, role: 'citizen' | 'facilitator' | 'official:dinas-pupr') => {
    const client = await LiveClient.connect(running.url, { token: await api.tokenFor(actorId, role) });
    clients.push(client);
    return client;
  };
  const citizen = (n: number) => api.as(`warga-${n}`, 'citizen');
  const lamps = {
    title: 'Lampu jalan desa padam',
    body: 'Lampu jalan di sepanjang jalan desa padam sejak sebulan, warga takut keluar malam.',
    category: 'infrastruktur',
    anonymous: false,
  };

  it('pushes joins, drafts and signatures to members and facilitators; a leaver’s subscription ends', async () => {
    const founded = await api.as('fasil-1', 'facilitator').post('/api/groups', {
      name: 'KIM Tewang Sangalang Garing',
      regionCode: '62.06.02.1003',
      joinPolicy: 'open',
      signatureThreshold: 2,
    });
    const groupId: string = founded.body.id;
    const topic = `group:${groupId}`;
    const joined = await citizen(1).post(`/api/groups/${groupId}/join`);

    const member = await connect('warga-1', 'citizen');
    const facilitator = await connect('fasil-1', 'facilitator');
    const outsider = await connect('warga-9', 'citizen');
    const official = await connect('pupr-1', 'official:dinas-pupr');
    expect(await member.subscribe(topic, joined.body.position)).toMatchObject({ ok: true, topic });
    expect(await facilitator.subscribe(topic)).toMatchObject({ ok: true, topic });
    for (const refused of [outsider, official])
      expect(await refused.subscribe(topic)).toMatchObject({ ok: false, error: { code: 'members_only' } });
    const unknown = await member.subscribe('group:00000000-0000-4000-8000-000000000000');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'group_not_found', field: 'topic' } });

    await citizen(2).post(`/api/groups/${groupId}/join`);
    const drafted = await citizen(1).post(`/api/groups/${groupId}/drafts`, lamps);
    const signed = await citizen(2).post(`/api/groups/${groupId}/drafts/${drafted.body.id}/signatures`);
    expect(signed.body.aspirationId).toEqual(expect.any(String));
    for (const client of [member, facilitator])
      await client.until(
        () => client.of(topic).some((c) => c.eventType === 'GroupDraftSubmitted'),
        'the submission of the draft',
      );
    const types = member.of(topic).map((c) => c.eventType);
    expect(types).toEqual(['MemberJoined', 'GroupDraftStarted', 'GroupDraftSigned', 'GroupDraftSubmitted']);
    expect(facilitator.of(topic).map((c) => c.eventType)).toEqual(types);
    const submitted = member.of(topic).at(-1)!.payload as {
      draft: { signatures: number; aspirationId: string };
    };
    expect(submitted.draft).toMatchObject({ signatures: 2, aspirationId: signed.body.aspirationId });
    expect(JSON.stringify(member.changes)).not.toContain('warga-');

    // Once verified, the group hears its aspiration as the public does.
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${signed.body.aspirationId}/verify`);
    await member.until(
      () => member.of(topic).some((c) => c.eventType === 'AspirationVerified'),
      'the verification',
    );

    const left = await citizen(1).post(`/api/groups/${groupId}/leave`);
    await member.until(() => member.unsubscribed.length > 0, 'the end of the leaver’s subscription');
    expect(member.unsubscribed).toEqual([{ topic, position: left.body.position, reason: 'access_changed' }]);
    await citizen(2).post(`/api/groups/${groupId}/leave`);
    await facilitator.until(
      () => facilitator.of(topic).filter((c) => c.eventType === 'MemberLeft').length === 2,
      'both departures',
    );
    // The leaver hears the change that ended their access, and nothing after it.
    expect(
      member
        .of(topic)
        .filter((c) => c.eventType === 'MemberLeft')
        .map((c) => c.position),
    ).toEqual([left.body.position]);
    expect(await member.subscribe(topic)).toMatchObject({ ok: false, error: { code: 'members_only' } });
  });
});
