import { SmtpTestServer } from '../src/platform/messages/testing/smtp-test-server';
import { ApiClient } from './support/api-client';
import { firstAdmin, signIn, SignedIn } from './support/accounts';
import { MutableClock } from './support/mutable-clock';
import { codeMailedTo, mailsWithSubject, PASSWORD, startNotifyingApp } from './support/notifications';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const OFFICIAL = 'budi@pupr.katingan.go.id';
const FACILITATOR = 'rina@kim-kasongan.id';
const BALI_FACILITATOR = 'made@kim-badung.id';
const PARENT_OFFICIAL = 'sekda@katingankab.go.id';

describe('notifications to staff: assignments and escalations reach who holds the role (e2e)', () => {
  const smtp = new SmtpTestServer();
  // Monday 2 March 2026, 09:00 WIB.
  const clock = new MutableClock(new Date('2026-03-02T02:00:00.000Z'));
  let running: TestApp;
  let api: ApiClient;
  const staff: Record<string, SignedIn> = {};

  /** Invited by the admin, accepted with the mailed code: the role comes from the account's own events. */
  async function invited(admin: SignedIn, email: string, binding: object): Promise<SignedIn> {
    const invitation = await api.send('POST', '/api/invitations', {
      body: { email, displayName: 'Petugas', ...binding },
      token: admin.accessToken,
    });
    expect(invitation.status).toBe(201);
    const code = await codeMailedTo(smtp, email);
    const accepted = await api.send('POST', '/api/invitations/acceptances', {
      body: { login: email, code, password: PASSWORD },
    });
    expect(accepted.status).toBe(201);
    return signIn(api, email, PASSWORD);
  }

  beforeAll(async () => {
    await smtp.start();
    running = await startNotifyingApp(smtp, { clock });
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    const admin = await firstAdmin(running, api);
    staff.official = await invited(admin, OFFICIAL, { role: 'official', agencyId: 'dinas-pupr' });
    staff.facilitator = await invited(admin, FACILITATOR, { role: 'facilitator', regionCode: '62.06' });
    staff.bali = await invited(admin, BALI_FACILITATOR, { role: 'facilitator', regionCode: '51' });
    staff.parent = await invited(admin, PARENT_OFFICIAL, { role: 'official', agencyId: 'pemkab-katingan' });
  });
  afterAll(async () => {
    await running.close();
    await smtp.stop();
  });

  const notificationsOf = async (person: SignedIn, position: string) =>
    (
      await api.send('GET', `/api/me/notifications?minPosition=${position}`, { token: person.accessToken })
    ).body.items.map((n: { kind: string; stage: string | null }) => [n.kind, n.stage]);

  it('escalates a missed verification to the facilitators of the region, by app and e-mail', async () => {
    const submitted = await api
      .as('warga-1', 'citizen')
      .post('/api/aspirations', roadComplaint({ anonymous: true }));
    const { id } = submitted.body;
    clock.set('2026-03-06T02:00:00.000Z'); // past the third working day
    const escalated = await api.as('moderator-1', 'facilitator').post(`/api/aspirations/${id}/escalate`, {
      stage: 'verification',
    });
    expect(escalated.status).toBe(200);
    expect(await notificationsOf(staff.facilitator, escalated.body.position)).toEqual([
      ['escalation', 'verification'],
    ]);
    expect(await notificationsOf(staff.bali, escalated.body.position)).toEqual([]);
    expect(await notificationsOf(staff.official, escalated.body.position)).toEqual([]);
    const subject = 'Tenggat verifikasi terlewat: aspirasi dieskalasi';
    await waitFor(
      () => mailsWithSubject(smtp, FACILITATOR, subject).length === 1,
      'the escalation by e-mail',
    );
    expect(mailsWithSubject(smtp, FACILITATOR, subject)[0].text).not.toContain('warga-1');
  });

  it("tells the agency's officials of an assignment, then that its missed response went to the parent agency", async () => {
    clock.set('2026-03-09T02:00:00.000Z');
    const submitted = await api
      .as('warga-1', 'citizen')
      .post('/api/aspirations', roadComplaint({ anonymous: true }));
    const { id } = submitted.body;
    await api.as('moderator-1', 'facilitator').post(`/api/aspirations/${id}/verify`);
    const assigned = await api.as('moderator-1', 'facilitator').post(`/api/aspirations/${id}/assign`);
    expect(await notificationsOf(staff.official, assigned.body.position)).toEqual([['assignment', null]]);
    await waitFor(
      () => mailsWithSubject(smtp, OFFICIAL, 'Aspirasi baru untuk instansi Anda').length === 1,
      'the assignment by e-mail',
    );

    clock.set('2026-03-20T02:00:00.000Z'); // past the fifth working day
    const escalated = await api.as('moderator-1', 'facilitator').post(`/api/aspirations/${id}/escalate`, {
      stage: 'response',
    });
    expect(escalated.status).toBe(200);
    expect((await notificationsOf(staff.official, escalated.body.position))[0]).toEqual([
      'escalation',
      'response',
    ]);
    expect(await notificationsOf(staff.parent, escalated.body.position)).toEqual([
      ['escalation', 'response'],
    ]);
    // The parent agency (Pemkab Katingan) took it over: the facilitators are not alerted, its officials would be.
    expect(await notificationsOf(staff.facilitator, escalated.body.position)).toEqual([
      ['escalation', 'verification'],
    ]);
    const everything = JSON.stringify(
      await Promise.all(
        [staff.official, staff.facilitator].map((person) =>
          api.send('GET', '/api/me/notifications', { token: person.accessToken }),
        ),
      ).then((lists) => lists.map((list) => list.body)),
    );
    expect(everything).not.toContain('warga-1');
  });
});
