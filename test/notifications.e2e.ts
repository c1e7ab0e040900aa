import { LiveClient } from '../src/live/testing/live-client';
import { SmtpTestServer } from '../src/platform/messages/testing/smtp-test-server';
import { ApiClient } from './support/api-client';
import { SignedIn } from './support/accounts';
import { citizenWithEmail, mailsWithSubject, startNotifyingApp } from './support/notifications';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const SITI = 'siti@warga.test';
const RESPONSE_SUBJECT = 'Tanggapan baru dari instansi';

describe('notifications: an official’s response reaches the submitter live and by e-mail once (e2e)', () => {
  const smtp = new SmtpTestServer();
  let running: TestApp;
  let api: ApiClient;
  let siti: SignedIn;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    await smtp.start();
    running = await startNotifyingApp(smtp);
    api = new ApiClient(running.url);
    await registerKatinganAgencies(api);
    siti = await citizenWithEmail(api, smtp, SITI);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await running.close();
    await smtp.stop();
  });

  const connect = async (token?: string) => {
    const client = await LiveClient.connect(running.url, { token });
    clients.push(client);
    return client;
  };
  const as = (token: string) => ({
    post: (path: string, body: unknown = {}) => api.send('POST', path, { body, token }),
    get: (path: string) => api.send('GET', path, { token }),
  });

  /** Submitted by Siti, verified and assigned to Dinas PUPR, answered by one of its officials. */
  async function answeredAspiration(overrides: object = {}): Promise<{ id: string; position: string }> {
    const submitted = await as(siti.accessToken).post('/api/aspirations', roadComplaint(overrides));
    expect(submitted.status).toBe(201);
    const { id } = submitted.body;
    const fasil = api.as('fasil-1', 'facilitator');
    expect((await fasil.post(`/api/aspirations/${id}/verify`)).status).toBe(200);
    expect((await fasil.post(`/api/aspirations/${id}/assign`)).status).toBe(200);
    const answered = await api.as('pupr-1', 'official:dinas-pupr').post(`/api/aspirations/${id}/responses`, {
      body: 'Tim kami meninjau lokasi hari Senin.',
    });
    expect(answered.status).toBe(201);
    return { id, position: answered.body.position };
  }

  it('pushes it on `me`, lists it unread, and mails it once with its message id as the Message-ID', async () => {
    const live = await connect(siti.accessToken);
    expect(await live.subscribe('me')).toMatchObject({ ok: true, topic: 'me' });
    const { id, position } = await answeredAspiration();

    const isResponse = (payload: unknown) =>
      (payload as { notification?: { kind: string; aspirationId: string } }).notification?.kind ===
        'response' &&
      (payload as { notification: { aspirationId: string } }).notification.aspirationId === id;
    await live.until(
      () => live.of('me').some((change) => isResponse(change.payload)),
      'the response pushed live',
      // A guard, not a timing check: on CI's FerretDB the notifications projection may trail by many seconds.
      90_000,
    );
    const pushed = live.of('me').find((change) => isResponse(change.payload))!;
    expect(pushed.eventType).toBe('OfficialResponded');
    expect(pushed.payload).toMatchObject({
      notification: {
        kind: 'response',
        title: 'Jalan rusak di Kasongan Baru',
        agencyId: 'dinas-pupr',
        read: false,
      },
    });

    const list = await as(siti.accessToken).get(`/api/me/notifications?minPosition=${position}`);
    expect(list.status).toBe(200);
    expect(list.body.topic).toBe('me');
    expect(list.body.items.map((n: { kind: string; change: string | null }) => [n.kind, n.change])).toEqual([
      ['response', null],
      ['status', 'assigned'],
      ['status', 'verified'],
    ]);
    expect(list.body.unread).toBe(3);

    await waitFor(
      () => mailsWithSubject(smtp, SITI, RESPONSE_SUBJECT).length > 0,
      'the response by e-mail',
      90_000,
    );
    const [mail, ...copies] = mailsWithSubject(smtp, SITI, RESPONSE_SUBJECT);
    expect(copies).toEqual([]);
    expect(mail.text).toContain('Jalan rusak di Kasongan Baru');
    expect(mail.text).toContain(`/aspirasi/${id}`);
    const messageId = mail.headers.get('x-suara-message-id')!;
    expect(mail.headers.get('message-id')).toBe(`<${messageId}@suara.test>`);
    expect(smtp.mailbox(SITI).filter((m) => m.subject === RESPONSE_SUBJECT)).toHaveLength(1);
  }, 180_000);

  it('marks them read up to a position, live and in the list', async () => {
    const live = await connect(siti.accessToken);
    await live.subscribe('me');
    const list = await as(siti.accessToken).get('/api/me/notifications?limit=1');
    const [newest] = list.body.items;
    const marked = await as(siti.accessToken).post('/api/me/notifications/read', { upTo: newest.position });
    expect(marked.status).toBe(200);
    await live.until(
      () => live.of('me').some((c) => (c.payload as { unread?: number }).unread === 0),
      'the read mark pushed live',
    );
    const after = await as(siti.accessToken).get(`/api/me/notifications?minPosition=${marked.body.position}`);
    expect(after.body.unread).toBe(0);
    expect(after.body.items.every((n: { read: boolean }) => n.read)).toBe(true);
    const again = await as(siti.accessToken).post('/api/me/notifications/read', { upTo: newest.position });
    expect(again.status).toBe(200);
  });

  it('lets nobody else hear them: another person on `me` hears only their own, and no token hears nothing', async () => {
    const tetangga = await connect(await api.tokenFor('warga-2', 'citizen'));
    expect(await tetangga.subscribe('me')).toMatchObject({ ok: true });
    const anonymous = await connect();
    expect(await anonymous.subscribe('me')).toEqual({
      ok: false,
      error: { code: 'not_authenticated', message: expect.any(String) },
    });
    const own = await connect(siti.accessToken);
    await own.subscribe('me');
    const { id } = await answeredAspiration({ title: 'Lampu jalan padam di Kasongan' });
    await own.until(
      () => own.of('me').some((c) => JSON.stringify(c.payload).includes(id)),
      'Siti hears of her own aspiration',
    );
    // An acknowledgement from the tailer's later round: anything sent to warga-2 before it has arrived by now.
    expect(await tetangga.subscribe('feed')).toMatchObject({ ok: true });
    expect(tetangga.of('me')).toEqual([]);
  });
});
