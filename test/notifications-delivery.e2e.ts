import { DELIVERIES, DeliveryRecord } from '../src/notifications/delivery/delivery-record';
import { personKey } from '../src/notifications/read-models/notification.document';
import { DOCUMENT_STORE, DocumentStore } from '../src/platform/document-store/document-store.port';
import { PushTestService } from '../src/platform/messages/testing/push-test-service';
import { SmtpTestServer } from '../src/platform/messages/testing/smtp-test-server';
import { ApiClient } from './support/api-client';
import { SignedIn } from './support/accounts';
import { MutableClock } from './support/mutable-clock';
import { citizenWithEmail, mailsWithSubject, startNotifyingApp } from './support/notifications';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const RESPONSE_SUBJECT = 'Tanggapan baru dari instansi';
// Tuesday 10 March 2026, 10:00 WIB.
const MORNING = '2026-03-10T03:00:00.000Z';

describe('notification delivery: Web Push, retries, quiet hours and digests (e2e)', () => {
  const smtp = new SmtpTestServer();
  const push = new PushTestService();
  const clock = new MutableClock(new Date(MORNING));
  let running: TestApp;
  let api: ApiClient;
  let documents: DocumentStore;
  let people = 0;

  beforeAll(async () => {
    await smtp.start();
    await push.start();
    running = await startNotifyingApp(smtp, { push, clock, notifications: { retryBaseMs: 60_000 } });
    api = new ApiClient(running.url);
    documents = running.app.get(DOCUMENT_STORE);
    await registerKatinganAgencies(api);
  });
  afterAll(async () => {
    await running.close();
    await push.stop();
    await smtp.stop();
  });

  const citizen = async () => {
    const email = `warga-${++people}@warga.test`;
    return { email, ...(await citizenWithEmail(api, smtp, email)) };
  };
  const prefer = async (person: SignedIn, body: object) => {
    const set = await api.send('PUT', '/api/me/notification-preferences', {
      body,
      token: person.accessToken,
    });
    expect(set.status).toBe(200);
  };
  const recordsOf = (person: SignedIn) =>
    documents.find<DeliveryRecord>(
      DELIVERIES,
      { personKey: personKey(person.accountId) },
      { sort: { createdAt: 1, _id: 1 } },
    );

  /** Submitted, verified, assigned to Dinas PUPR; answered `answers` times by one of its officials. */
  async function answered(person: SignedIn, answers = 1): Promise<string> {
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint(),
      token: person.accessToken,
    });
    const { id } = submitted.body;
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${id}/verify`);
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${id}/assign`);
    for (let i = 1; i <= answers; i++)
      expect(
        (
          await api
            .as('pupr-1', 'official:dinas-pupr')
            .post(`/api/aspirations/${id}/responses`, { body: `Jawaban ${i}.` })
        ).status,
      ).toBe(201);
    return id;
  }

  it('pushes to a subscribed browser: VAPID-signed, readable only with its keys, the message id as Topic', async () => {
    const siti = await citizen();
    const browser = push.subscribe();
    const subscribed = await api.send('POST', '/api/me/push-subscriptions', {
      body: browser,
      token: siti.accessToken,
    });
    expect(subscribed.status).toBe(201);
    await prefer(siti, { channels: { response: ['push'] } });
    const id = await answered(siti);

    const toBrowser = () => push.received.filter((r) => r.endpoint === browser.endpoint);
    await waitFor(() => toBrowser().length > 0, 'the push to reach the push service');
    const [received] = toBrowser();
    const [record] = (await recordsOf(siti)).filter((r) => r.channel === 'push');
    expect(received.payload).toEqual({
      id: record._id,
      kind: 'notification',
      title: RESPONSE_SUBJECT,
      body: expect.stringContaining('Jalan rusak di Kasongan Baru'),
      link: `/aspirasi/${id}`,
    });
    expect(received.topic).toBe(record._id.replace(/-/g, ''));
    const key = await api.send('GET', '/api/notifications/push-key');
    expect(received.vapid.publicKey).toBe(key.body.publicKey);
    const settings = await api.send('GET', '/api/me/notification-preferences', { token: siti.accessToken });
    expect(settings.body.pushSubscriptions).toEqual([
      { id: subscribed.body.id, endpoint: browser.endpoint, addedAt: expect.any(String) },
    ]);
  });

  it('retries a failed push after a backoff with the same Topic, and gives up on a gone subscription', async () => {
    const siti = await citizen();
    const browser = push.subscribe();
    await api.send('POST', '/api/me/push-subscriptions', { body: browser, token: siti.accessToken });
    await prefer(siti, { channels: { response: ['push'] } });
    push.status = 503;
    await answered(siti);
    const pending = async () => (await recordsOf(siti)).filter((r) => r.kind === 'response');
    await waitFor(async () => (await pending())[0]?.attempts === 1, 'the first attempt to be recorded');
    const [failed] = await pending();
    expect(failed).toMatchObject({ status: 'pending', lastError: expect.stringContaining('503') });
    expect(Date.parse(failed.dueAt)).toBeGreaterThan(clock.now().getTime());

    push.status = 201;
    clock.set(new Date(Date.parse(failed.dueAt)).toISOString());
    await waitFor(async () => (await pending())[0]?.status === 'sent', 'the retry to succeed');
    const copies = push.received.filter((r) => (r.payload as { id: string }).id === failed._id);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((c) => c.topic)).size).toBe(1);

    push.status = 410;
    try {
      await answered(siti);
      await waitFor(
        async () => (await pending()).some((r) => r.status === 'failed'),
        'the gone browser given up',
      );
      expect((await pending()).find((r) => r.status === 'failed')).toMatchObject({ attempts: 1 });
    } finally {
      push.status = 201;
    }
  });

  it('holds messages in quiet hours, in the person’s zone, and sends them when the quiet ends', async () => {
    const siti = await citizen();
    await prefer(siti, {
      channels: { response: ['email'] },
      quietHours: { start: '22:00', end: '06:00' },
      regionCode: '62.06',
    });
    clock.set('2026-03-10T16:00:00.000Z'); // 23:00 WIB
    await answered(siti);
    await waitFor(async () => (await recordsOf(siti)).length === 1, 'the message to be recorded');
    expect((await recordsOf(siti))[0]).toMatchObject({
      status: 'pending',
      dueAt: '2026-03-10T23:00:00.000Z',
    });
    expect(mailsWithSubject(smtp, siti.email, RESPONSE_SUBJECT)).toEqual([]);

    clock.set('2026-03-10T23:00:00.000Z'); // 06:00 WIB
    await waitFor(
      () => mailsWithSubject(smtp, siti.email, RESPONSE_SUBJECT).length === 1,
      'the morning mail',
    );
  });

  it('sends one digest instead of a flood', async () => {
    const siti = await citizen();
    await prefer(siti, { channels: { response: ['email'] }, quietHours: { start: '22:00', end: '06:00' } });
    clock.set('2026-03-11T16:00:00.000Z');
    await answered(siti, 4);
    await waitFor(async () => (await recordsOf(siti)).length === 4, 'four messages to be recorded');
    clock.set('2026-03-11T23:00:00.000Z');
    const digests = () => mailsWithSubject(smtp, siti.email, '4 pemberitahuan baru di Suara Warga');
    await waitFor(() => digests().length === 1, 'the digest');
    expect(mailsWithSubject(smtp, siti.email, RESPONSE_SUBJECT)).toEqual([]);
    expect(
      digests()[0]
        .text.split('\n')
        .filter((line) => line.startsWith('• ')),
    ).toHaveLength(4);
    // The digest's record says "sent" once its send is recorded, just after the mail arrives.
    const statuses = async () => (await recordsOf(siti)).map((r) => r.status).sort();
    await waitFor(async () => (await statuses()).includes('sent'), 'the digest to be recorded as sent');
    expect(await statuses()).toEqual(['digested', 'digested', 'digested', 'digested', 'sent']);
  });

  it('lets the first few of a daytime flood through at once and folds the rest into one digest', async () => {
    const siti = await citizen();
    await prefer(siti, { channels: { response: ['email'] } });
    clock.set('2026-03-12T02:00:00.000Z');
    await answered(siti, 7);
    const withStatus = async (status: string) => (await recordsOf(siti)).filter((r) => r.status === status);
    await waitFor(async () => (await withStatus('sent')).length === 3, 'the first three sent');
    expect(mailsWithSubject(smtp, siti.email, RESPONSE_SUBJECT)).toHaveLength(3);
    await waitFor(async () => (await recordsOf(siti)).length === 7, 'all seven to be recorded');
    const held = await withStatus('pending');
    expect(held.map((r) => r.dueAt)).toEqual(Array(4).fill('2026-03-12T02:15:00.000Z'));
    clock.set('2026-03-12T02:15:00.000Z');
    const digests = () => mailsWithSubject(smtp, siti.email, '4 pemberitahuan baru di Suara Warga');
    await waitFor(() => digests().length === 1, 'the digest of the rest');
    expect(mailsWithSubject(smtp, siti.email, RESPONSE_SUBJECT)).toHaveLength(3);
  });

  it('sends nothing by a channel the person has no address for', async () => {
    const siti = await citizen();
    await prefer(siti, { channels: { response: ['sms', 'push'] } });
    clock.set('2026-03-12T05:00:00.000Z');
    await answered(siti);
    const skipped = async () => (await recordsOf(siti)).filter((r) => r.status === 'skipped');
    await waitFor(async () => (await skipped()).length === 2, 'both skipped');
    expect((await skipped()).map((r) => r.channel).sort()).toEqual(['push', 'sms']);
    expect(await recordsOf(siti)).toHaveLength(2);
  });
});
