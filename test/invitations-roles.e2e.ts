import { AccountRecords } from '../src/accounts/account-records';
import { accountStream } from '../src/accounts/domain/account.streams';
import { agencyStream } from '../src/agencies/domain/agency.streams';
import { EventLog } from '../src/platform/event-log/event-log';
import { EVENT_STORE, EventStore } from '../src/platform/event-store/event-store.port';
import { claimsOf, firstAdmin, SignedIn, signIn } from './support/accounts';
import { ApiClient } from './support/api-client';
import { codesSentTo } from './support/outbox';
import { registerKatinganAgencies } from './support/scenario';
import { startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'rumah panggung di kasongan';
const PHONE = '0813-2222-3333';

describe('role routes: admins grant and revoke roles on existing accounts (e2e)', () => {
  let running: TestApp;
  let api: ApiClient;
  let admin: SignedIn;
  let person: SignedIn;
  let events: EventStore;
  const rolePath = (accountId: string) => `/api/accounts/${accountId}/role`;
  const grant = (body: object, accountId = person.accountId, token = admin.accessToken) =>
    api.send('PUT', rolePath(accountId), { body, token });
  const revoke = (accountId = person.accountId, token = admin.accessToken) =>
    api.send('DELETE', rolePath(accountId), { token });
  const refresh = async () => {
    const next = await api.send('POST', '/api/sessions/refresh', {
      body: { refreshToken: person.refreshToken },
    });
    expect(next.status).toBe(200);
    person = { ...person, ...next.body };
    return claimsOf(person.accessToken);
  };
  const expectProblem = (
    response: { status: number; body: { code: string } },
    status: number,
    code: string,
  ) => expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  const officials = async (agencyId: string) => {
    const history = await running.app.get(EventLog).read(agencyStream(agencyId));
    const roster = new Set<string>();
    for (const { event } of history) {
      const { officialId } = event.data as { officialId?: string };
      if (event.type === 'OfficialAdded') roster.add(officialId!);
      if (event.type === 'OfficialRemoved') roster.delete(officialId!);
    }
    return [...roster];
  };

  beforeAll(async () => {
    running = await startTestApp();
    api = new ApiClient(running.url);
    events = running.app.get(EVENT_STORE);
    admin = await firstAdmin(running, api);
    await registerKatinganAgencies(api);
    await api.send('POST', '/api/accounts', {
      body: { phone: PHONE, displayName: 'Sari', password: PASSWORD },
    });
    const [code] = codesSentTo(running.config.dataDir, '+6281322223333');
    await api.send('POST', '/api/accounts/confirmations', { body: { login: PHONE, code } });
    person = await signIn(api, PHONE, PASSWORD);
  });

  afterAll(() => running?.close());

  it('grants auditor: the next token carries it; revoking gives a citizen token at the next refresh', async () => {
    const granted = await grant({ role: 'auditor' });
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({
      accountId: person.accountId,
      role: 'auditor',
      position: expect.any(String),
    });
    expect(claimsOf(person.accessToken).role).toBe('citizen');
    expect((await refresh()).role).toBe('auditor');

    const revoked = await revoke();
    expect(revoked.body).toMatchObject({ accountId: person.accountId, role: 'citizen' });
    expect((await refresh()).role).toBe('citizen');
    expectProblem(await revoke(), 409, 'no_role_held');
  });

  it('grants official of an agency, moving them between agencies’ lists, and revokes it', async () => {
    expect((await grant({ role: 'official', agencyId: 'dinas-pupr' })).body.role).toBe('official:dinas-pupr');
    expect(await officials('dinas-pupr')).toEqual([person.accountId]);
    expect((await refresh()).role).toBe('official:dinas-pupr');
    await grant({ role: 'official', agencyId: 'dinas-perhubungan' });
    expect(await officials('dinas-pupr')).toEqual([]);
    expect(await officials('dinas-perhubungan')).toEqual([person.accountId]);
    await revoke();
    expect(await officials('dinas-perhubungan')).toEqual([]);
    expect((await refresh()).role).toBe('citizen');
  });

  it('binds a facilitator to a known region, kept in the account', async () => {
    expectProblem(await grant({ role: 'facilitator' }), 400, 'region_required');
    expectProblem(await grant({ role: 'facilitator', regionCode: '62.99' }), 400, 'unknown_region');
    const granted = await grant({ role: 'facilitator', regionCode: '62.06.02' });
    expect(granted.body).toMatchObject({ role: 'facilitator', regionCode: '62.06.02' });
    const state = await running.app.get(AccountRecords).stateOf(person.accountId);
    expect(state).toMatchObject({ role: 'facilitator', regionCode: '62.06.02' });
    expect((await refresh()).role).toBe('facilitator');
    await revoke();
  });

  it('refuses non-admins, an admin’s own role, unknown accounts and bindings, writing nothing', async () => {
    const head = await events.headPosition();
    const auditor = await api.tokenFor('inspektorat-1', 'auditor');
    expectProblem(await grant({ role: 'auditor' }, person.accountId, auditor), 403, 'admin_only');
    expectProblem(await revoke(person.accountId, person.accessToken), 403, 'admin_only');
    expectProblem(await grant({ role: 'auditor' }, admin.accountId), 403, 'own_role');
    expectProblem(await revoke(admin.accountId), 403, 'own_role');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expectProblem(await grant({ role: 'auditor' }, unknown), 404, 'account_not_found');
    expectProblem(await revoke(unknown), 404, 'account_not_found');
    expectProblem(await grant({ role: 'official', agencyId: 'dinas-lain' }), 404, 'agency_not_found');
    expectProblem(await grant({ role: 'official' }), 400, 'agency_required');
    expectProblem(await grant({ role: 'auditor', agencyId: 'dinas-pupr' }), 400, 'agency_not_for_role');
    expectProblem(await grant({ role: 'auditor', regionCode: '62' }), 400, 'region_not_for_role');
    expectProblem(await grant({ role: 'citizen' }), 400, 'invalid_request');
    expectProblem(await grant({ role: 'auditor' }, 'not-a-uuid'), 400, 'invalid_request');
    expect(await events.headPosition()).toEqual(head);
  });

  it('records who changed the role: the admin, in the event’s metadata', async () => {
    await grant({ role: 'auditor' });
    const history = await running.app.get(EventLog).read(accountStream(person.accountId));
    const granted = history.filter((e) => e.event.type === 'RoleGranted').pop()!;
    expect(granted.metadata).toMatchObject({ actor: admin.accountId, role: 'admin' });
    await revoke();
  });
});
