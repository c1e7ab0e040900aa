import { AccountRecords } from '../src/accounts/account-records';
import { agencyStream } from '../src/agencies/domain/agency.streams';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { claimsOf, firstAdmin, SignedIn, signIn } from './support/accounts';
import { ApiClient } from './support/api-client';
import { MutableClock } from './support/mutable-clock';
import { codesSentTo, outboxOf } from './support/outbox';
import { registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'jembatan kayu di hulu sungai';
const START = '2026-03-10T09:00:00+07:00';

describe('invitations: an admin invites officials and facilitators, who accept with a code (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let events: EventStore;
  // Time stands still unless a test moves it, so expiries are exact.
  const clock = new MutableClock(new Date(START));
  const codes = (address: string) => codesSentTo(running.config.dataDir, address);
  const invite = (body: object, token = admin.accessToken) =>
    api.send('POST', '/api/invitations', { body, token });
  const accept = (login: string, code: string, password = PASSWORD) =>
    api.send('POST', '/api/invitations/acceptances', { body: { login, code, password } });
  const official = (phone: string, agencyId = 'dinas-pupr') => ({
    phone,
    displayName: 'Budi Santoso',
    role: 'official',
    agencyId,
  });
  const expectProblem = (
    response: { status: number; body: { code: string } },
    status: number,
    code: string,
  ) => expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });

  beforeAll(async () => {
    running = await startTestApp(undefined, clock);
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    admin = await firstAdmin(running, api);
    await registerKatinganAgencies(api);
  });

  afterAll(() => running?.close());

  it('invites an official: 201 with the invitation, and a code to the phone that lasts a week', async () => {
    const invited = await invite(official('0812-7000-0001'));
    expect(invited.status).toBe(201);
    expect(invited.body).toEqual({
      invitationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'invited',
      expiresAt: '2026-03-17T02:00:00.000Z',
    });
    const [message] = outboxOf(running.config.dataDir).filter((m) => m.to.address === '+6281270000001');
    expect(message).toMatchObject({ kind: 'one_time_code', subject: 'Kode undangan Suara Warga' });
  });

  it('answers the same invitation sent again as the first, sending nothing; another role is a conflict', async () => {
    const first = await invite(official('0812-7000-0002'));
    const again = await invite(official('+62 812 7000 0002'));
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(codes('+6281270000002')).toHaveLength(1);
    const other = await invite({ ...official('0812-7000-0002'), agencyId: 'dinas-perhubungan' });
    expectProblem(other, 409, 'invitation_pending');
  });

  it('lets the invitee accept with the code: signed in as an official, and on the agency’s list once', async () => {
    const { body } = await invite(official('0812-7000-0003'));
    const [code] = codes('+6281270000003');
    const wrong = await accept('0812-7000-0003', code === '000000' ? '111111' : '000000');
    expectProblem(wrong, 400, 'wrong_code');
    expect(wrong.body.detail).toContain('4 attempts left');

    const accepted = await accept('0812-7000-0003', code);
    expect(accepted.status).toBe(201);
    expect(claimsOf(accepted.body.accessToken)).toMatchObject({
      sub: body.invitationId,
      role: 'official:dinas-pupr',
    });
    expectProblem(await accept('0812-7000-0003', code), 409, 'invitation_already_accepted');
    const signedIn = await signIn(api, '0812-7000-0003', PASSWORD);
    expect(claimsOf(signedIn.accessToken).role).toBe('official:dinas-pupr');

    const roster = await running.app.get(EventLog).read(agencyStream('dinas-pupr'));
    const added = roster.filter((e) => e.event.type === 'OfficialAdded');
    expect(added.map((e) => e.event.data)).toEqual([
      expect.objectContaining({ officialId: body.invitationId, name: 'Budi Santoso' }),
    ]);
    expect(added[0].metadata).toMatchObject({ actor: admin.accountId, role: 'admin' });
  });

  it('binds a facilitator to a region; the account keeps it', async () => {
    const body = { email: 'rina@diskominfo.katingan.go.id', displayName: 'Rina', role: 'facilitator' };
    expectProblem(await invite(body), 400, 'region_required');
    expectProblem(await invite({ ...body, regionCode: '99.99' }), 400, 'unknown_region');
    const invited = await invite({ ...body, regionCode: '62.06' });
    expect(invited.status).toBe(201);
    const [code] = codes('rina@diskominfo.katingan.go.id');
    const accepted = await accept('Rina@diskominfo.katingan.go.id', code);
    expect(claimsOf(accepted.body.accessToken).role).toBe('facilitator');
    const state = await running.app.get(AccountRecords).stateOf(invited.body.invitationId);
    expect(state).toMatchObject({ status: 'active', role: 'facilitator', regionCode: '62.06' });
  });

  it('checks what binds an official before anything is written', async () => {
    const head = await events.headPosition();
    expectProblem(
      await invite({ ...official('0812-7000-0004'), agencyId: undefined }),
      400,
      'agency_required',
    );
    expectProblem(await invite(official('0812-7000-0004', 'dinas-tidak-ada')), 404, 'agency_not_found');
    const withRegion = await invite({ ...official('0812-7000-0004'), regionCode: '62.06' });
    expectProblem(withRegion, 400, 'region_not_for_role');
    expectProblem(await invite({ ...official('0812-7000-0004'), role: 'auditor' }), 400, 'invalid_request');
    expect(await events.headPosition()).toEqual(head);
  });

  it('tells the admin to grant the role instead when the login already has an account', async () => {
    const taken = await invite(official('0811-5000-0001'));
    expectProblem(taken, 409, 'login_has_account');
    expect(taken.body.detail).toContain(`PUT /api/accounts/${admin.accountId}/role`);
  });

  it('refuses anyone but an admin, before looking the login up', async () => {
    const head = await events.headPosition();
    const citizen = await api.tokenFor('warga-1', 'citizen');
    expectProblem(await invite(official('0811-5000-0001'), citizen), 403, 'admin_only');
    const pupr = await api.tokenFor('pupr-1', 'official:dinas-pupr');
    expectProblem(await invite(official('0812-7000-0005'), pupr), 403, 'admin_only');
    expect(await events.headPosition()).toEqual(head);
  });

  it('expires after a week; the admin sends a new code, which works', async () => {
    const { body } = await invite(official('0812-7000-0006'));
    const [first] = codes('+6281270000006');
    clock.set('2026-03-17T09:00:00+07:00');
    try {
      expectProblem(await accept('0812-7000-0006', first), 409, 'code_expired');
      const resent = await api.send('POST', `/api/invitations/${body.invitationId}/codes`, {
        token: admin.accessToken,
      });
      expect(resent).toMatchObject({ status: 202, body: { expiresAt: '2026-03-24T02:00:00.000Z' } });
      const [, second] = codes('+6281270000006');
      expectProblem(await accept('0812-7000-0006', first), 400, 'wrong_code');
      expect((await accept('0812-7000-0006', second)).status).toBe(201);
    } finally {
      clock.set(START);
    }
  });

  it('locks the code after five wrong ones', async () => {
    await invite(official('0812-7000-0007'));
    const [code] = codes('+6281270000007');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expectProblem(await accept('0812-7000-0007', wrong), 400, 'wrong_code');
    expectProblem(await accept('0812-7000-0007', code), 409, 'code_locked');
  });

  it('withdraws an invitation: its code stops working and the login is free again', async () => {
    const { body } = await invite(official('0812-7000-0008'));
    const [code] = codes('+6281270000008');
    const path = `/api/invitations/${body.invitationId}`;
    const withdrawn = await api.send('DELETE', path, { token: admin.accessToken });
    expect(withdrawn).toMatchObject({
      status: 200,
      body: { invitationId: body.invitationId, status: 'withdrawn' },
    });
    expect((await api.send('DELETE', path, { token: admin.accessToken })).status).toBe(200);
    expectProblem(await accept('0812-7000-0008', code), 404, 'invitation_not_found');
    const again = await invite(official('0812-7000-0008'));
    expect(again.status).toBe(201);
    expect(again.body.invitationId).not.toBe(body.invitationId);
    const resend = await api.send('POST', `${path}/codes`, { token: admin.accessToken });
    expectProblem(resend, 404, 'invitation_not_found');
  });

  it('answers 404 for a login with no invitation, and 400 for an id that is no UUID', async () => {
    expectProblem(await accept('0812-7000-0099', '123456'), 404, 'invitation_not_found');
    const bad = await api.send('DELETE', '/api/invitations/not-an-id', { token: admin.accessToken });
    expectProblem(bad, 400, 'invalid_request');
  });
});
