import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SmtpTestServer } from '../src/platform/messages/testing/smtp-test-server';
import { ApiClient } from './support/api-client';
import { ChildApp } from './support/child-app';
import { citizenWithEmail, mailsWithSubject } from './support/notifications';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { waitFor } from './support/wait-for';

const SITI = 'siti@warga.test';
const RESPONSE_SUBJECT = 'Tanggapan baru dari instansi';

/** The delivery records of the data folder, as an operator would look (the app may be running). */
function deliveries(dataDir: string): Array<{ status: string; attempts: number }> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'doc_notificationDeliveries'").get();
    if (!table) return [];
    return db
      .prepare('SELECT body FROM doc_notificationDeliveries')
      .pluck()
      .all()
      .map((body) => JSON.parse(body as string));
  } finally {
    db.close();
  }
}

describe('a notification mail cut short by kill -9 between sending and recording (e2e, real processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'suara-notify-crash-'));
  const smtp = new SmtpTestServer();
  const children: ChildApp[] = [];
  const start = (env: NodeJS.ProcessEnv) => {
    const child = new ChildApp([], env);
    children.push(child);
    return child;
  };
  afterAll(async () => {
    children.forEach((child) => child.kill());
    await smtp.stop();
  });

  it('is sent again after the restart with the same Message-ID, and the mailbox holds it once', async () => {
    await smtp.start();
    const env = {
      // The embedded stores, whatever the run's MONGO_URL: the test reads the delivery records from the file.
      MONGO_URL: '',
      DATA_DIR: dataDir,
      SUARA_DEV_TOKENS: 'true',
      NODE_ENV: 'test',
      SUARA_RATE_LIMITS: 'off',
      SUARA_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SUARA_SMTP_FROM: 'Suara Warga <no-reply@suara.test>',
      SUARA_MESSAGES_FALLBACK: 'outbox',
    };
    const first = start(env);
    const api = new ApiClient(await first.url());
    await registerKatinganAgencies(api);
    const siti = await citizenWithEmail(api, smtp, SITI);
    const chosen = await api.send('PUT', '/api/me/notification-preferences', {
      body: { channels: { response: ['email'] } },
      token: siti.accessToken,
    });
    expect(chosen.status).toBe(200);

    // The mail server has the whole message; before it can say so, the sender dies: nothing recorded it as sent.
    smtp.beforeAccept = async (mail) => {
      if (mail.subject !== RESPONSE_SUBJECT || first.exit) return;
      first.kill();
      await first.exited();
    };
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint(),
      token: siti.accessToken,
    });
    const { id } = submitted.body;
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${id}/verify`);
    await api.as('fasil-1', 'facilitator').post(`/api/aspirations/${id}/assign`);
    await api.as('pupr-1', 'official:dinas-pupr').post(`/api/aspirations/${id}/responses`, {
      body: 'Tim kami meninjau lokasi hari Senin.',
    });
    expect(await first.exited()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(mailsWithSubject(smtp, SITI, RESPONSE_SUBJECT)).toHaveLength(1);
    expect(deliveries(dataDir)).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);

    const second = start(env);
    const restarted = new ApiClient(await second.url());
    await waitFor(
      () => deliveries(dataDir)[0]?.status === 'sent',
      'the restarted worker to record it sent',
      30_000,
    );
    const copies = mailsWithSubject(smtp, SITI, RESPONSE_SUBJECT);
    expect(copies).toHaveLength(2);
    expect(copies[1].headers.get('message-id')).toBe(copies[0].headers.get('message-id'));
    expect(copies[1].text).toBe(copies[0].text);
    expect(smtp.mailbox(SITI).filter((mail) => mail.subject === RESPONSE_SUBJECT)).toHaveLength(1);
    // In the app it was always one: the notification's id derives from the event and the person.
    const list = await restarted.send('GET', '/api/me/notifications', { token: siti.accessToken });
    expect(list.body.items.filter((n: { kind: string }) => n.kind === 'response')).toHaveLength(1);
    second.signal('SIGTERM');
    await second.exited();
  }, 120_000);
});
