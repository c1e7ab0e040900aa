import { randomUUID } from 'node:crypto';
import { LiveClient } from '../src/live/testing/live-client';
import { SESSION_CHANGED, SessionChangedNotice } from '../src/live/session-changes';
import { claimsOf, firstAdmin, SignedIn, signIn } from './support/accounts';
import { ApiClient } from './support/api-client';
import { codesSentTo } from './support/outbox';
import { roadComplaint } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

/**
 * The walkthrough with real accounts only (no development token): the first admin invites an official
 * and a facilitator, a citizen registers and submits, the official answers from the agency's inbox, and when
 * the admin revokes the official, their live connection is told and closed and their next token is a citizen's.
 */
describe('invited official answers an aspiration, then loses the role (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let official: SignedIn;
  let facilitator: SignedIn;
  let warga: SignedIn;
  let officialId: string;
  let aspirationId: string;
  let live: LiveClient;
  const changed: SessionChangedNotice[] = [];
  let closedBecause = '';
  const post = async (path: string, body: object, token: string, expected: number) => {
    const response = await api.send('POST', path, { body, token, idempotencyKey: randomUUID() });
    if (response.status !== expected)
      throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  /** An invitation, its code read from the development outbox, accepted with a password. */
  const invitedAndAccepted = async (body: object, phone: string, e164: string, password: string) => {
    const invitation = await post('/api/invitations', body, admin.accessToken, 201);
    const [code] = codesSentTo(running.config.dataDir, e164);
    await post('/api/invitations/acceptances', { login: phone, code, password }, '', 201);
    return { invitationId: invitation.invitationId as string, session: await signIn(api, phone, password) };
  };

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
  });
  afterAll(async () => {
    live?.close();
    await running?.close();
  });

  it('the first admin registers the agency and invites an official of it, who accepts and signs in', async () => {
    admin = await firstAdmin(running, api);
    expect(claimsOf(admin.accessToken).role).toBe('admin');
    const agency = {
      agencyId: 'dinas-pupr',
      name: 'Dinas PUPR Katingan',
      regionCode: '62.06',
      categories: ['infrastruktur'],
    };
    await post('/api/agencies', agency, admin.accessToken, 201);
    const invitation = { phone: '0812-9000-0001', displayName: 'Budi, Dinas PUPR', role: 'official' };
    const invited = await invitedAndAccepted(
      { ...invitation, agencyId: 'dinas-pupr' },
      '0812-9000-0001',
      '+6281290000001',
      'jalan aspal ke tumbang samba',
    );
    official = invited.session;
    officialId = invited.invitationId;
    expect(claimsOf(official.accessToken)).toMatchObject({ sub: officialId, role: 'official:dinas-pupr' });
  });

  it('a facilitator of the regency is invited too, and a citizen registers and submits', async () => {
    const invitation = { email: 'rina@diskominfo.katingan.go.id', displayName: 'Rina', role: 'facilitator' };
    facilitator = (
      await invitedAndAccepted(
        { ...invitation, regionCode: '62.06' },
        'rina@diskominfo.katingan.go.id',
        'rina@diskominfo.katingan.go.id',
        'kapal klotok ke kereng pangi',
      )
    ).session;
    expect(claimsOf(facilitator.accessToken).role).toBe('facilitator');
    const registration = {
      phone: '0812-9000-0003',
      displayName: 'Siti Rahma',
      password: 'rumah di tepi sungai',
    };
    await post('/api/accounts', registration, '', 202);
    const [code] = codesSentTo(running.config.dataDir, '+6281290000003');
    await post('/api/accounts/confirmations', { login: '0812-9000-0003', code }, '', 200);
    warga = await signIn(api, '0812-9000-0003', 'rumah di tepi sungai');
    aspirationId = (await post('/api/aspirations', roadComplaint(), warga.accessToken, 201)).id;
    await post(`/api/aspirations/${aspirationId}/verify`, {}, facilitator.accessToken, 200);
  });

  it('the official follows the agency live, sees the assigned aspiration in its inbox and answers it', async () => {
    live = await LiveClient.connect(running.url, { token: official.accessToken });
    live.socket.on(SESSION_CHANGED, (notice: SessionChangedNotice) => changed.push(notice));
    live.socket.on('disconnect', (reason) => (closedBecause = reason));
    expect(await live.subscribe('agency:dinas-pupr')).toMatchObject({ ok: true });
    const assigned = await post(`/api/aspirations/${aspirationId}/assign`, {}, facilitator.accessToken, 200);
    await live.until(() => live.of('agency:dinas-pupr').length > 0, 'the inbox change');

    const inbox = await api.send('GET', `/api/agencies/dinas-pupr/inbox?minPosition=${assigned.position}`, {
      token: official.accessToken,
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.map((item: { id: string }) => item.id)).toEqual([aspirationId]);
    const answer = { body: 'Tim kami memperbaiki jalan ini minggu depan.' };
    const responded = await post(
      `/api/aspirations/${aspirationId}/responses`,
      answer,
      official.accessToken,
      201,
    );
    const detail = await api.send(
      'GET',
      `/api/aspirations/${aspirationId}?minPosition=${responded.position}`,
      {
        token: warga.accessToken,
      },
    );
    const messages = detail.body.aspiration.messages as Array<{ actor: { id: string }; body: string }>;
    expect(messages.at(-1)).toMatchObject({ actor: { id: officialId }, body: answer.body });
  });

  it('the admin revokes the role: the live connection is told and closed, the next refresh is a citizen’s', async () => {
    const revoked = await api.send('DELETE', `/api/accounts/${officialId}/role`, {
      token: admin.accessToken,
    });
    expect(revoked.body).toMatchObject({ accountId: officialId, role: 'citizen' });
    await waitFor(() => closedBecause !== '', 'the server to close the official’s connection');
    expect(changed).toEqual([{ reason: 'role_changed', reconnectWith: 'a fresh token' }]);
    expect(closedBecause).toBe('io server disconnect');

    const next = await api.send('POST', '/api/sessions/refresh', {
      body: { refreshToken: official.refreshToken },
    });
    expect(claimsOf(next.body.accessToken).role).toBe('citizen');
    const inbox = await api.send('GET', '/api/agencies/dinas-pupr/inbox', { token: next.body.accessToken });
    expect(inbox.status).toBe(403);
  });
});
