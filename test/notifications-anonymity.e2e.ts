import { LiveClient } from '../src/live/testing/live-client';
import { DELIVERIES } from '../src/notifications/delivery/delivery-record';
import {
  FOLLOWERS,
  NOTIFICATIONS,
  NOTIFICATIONS_PROJECTION,
  personKey,
} from '../src/notifications/read-models/notification.document';
import { DOCUMENT_STORE, DocumentStore } from '../src/platform/document-store/document-store.port';
import { SmtpTestServer } from '../src/platform/messages/testing/smtp-test-server';
import { ReadModels } from '../src/platform/read-models/read-models';
import { ApiClient } from './support/api-client';
import { SignedIn } from './support/accounts';
import { citizenWithEmail, PASSWORD, startNotifyingApp } from './support/notifications';
import { outboxOf } from './support/outbox';
import { registerKatinganAgencies, roadComplaint } from './support/scenario';
import { TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const SITI = 'siti.anonim@warga.test';

describe('notifications and anonymity, and erasure (e2e)', () => {
  const smtp = new SmtpTestServer();
  let running: TestApp;
  let api: ApiClient;
  let siti: SignedIn;
  let documents: DocumentStore;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    await smtp.start();
    running = await startNotifyingApp(smtp);
    api = new ApiClient(running.url);
    documents = running.app.get(DOCUMENT_STORE);
    await registerKatinganAgencies(api);
    siti = await citizenWithEmail(api, smtp, SITI);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await running.close();
    await smtp.stop();
  });

  const others = [
    ['warga-2', 'citizen'],
    ['fasil-1', 'facilitator'],
    ['pupr-1', 'official:dinas-pupr'],
  ] as const;
  const collection = (name: string) => running.app.get(ReadModels).collection(NOTIFICATIONS_PROJECTION, name);

  it('tells an anonymous submitter everything, and nothing told to anyone else names them', async () => {
    const listening = await Promise.all(
      others.map(async ([id, role]) => {
        const client = await LiveClient.connect(running.url, { token: await api.tokenFor(id, role) });
        clients.push(client);
        await client.subscribe('me');
        return client;
      }),
    );
    const submitted = await api.send('POST', '/api/aspirations', {
      body: roadComplaint({ anonymous: true }),
      token: siti.accessToken,
    });
    const { id } = submitted.body;
    const [tetangga, fasil, pupr] = others.map(([actor, role]) => api.as(actor, role));
    await fasil.post(`/api/aspirations/${id}/follow`);
    await fasil.post(`/api/aspirations/${id}/verify`);
    await tetangga.post(`/api/aspirations/${id}/follow`);
    await fasil.post(`/api/aspirations/${id}/assign`);
    await pupr.post(`/api/aspirations/${id}/responses`, { body: 'Tim kami meninjau lokasi.' });
    const replied = await api.send('POST', `/api/aspirations/${id}/replies`, {
      body: { body: 'Terima kasih, lubang terbesar di depan sekolah.' },
      token: siti.accessToken,
    });

    const own = await api.send('GET', `/api/me/notifications?minPosition=${replied.body.position}`, {
      token: siti.accessToken,
    });
    expect(own.body.items.map((n: { kind: string }) => n.kind)).toEqual(['response', 'status', 'status']);

    const told = await Promise.all(
      others.map(([actor, role]) =>
        api.as(actor, role).get(`/api/me/notifications?minPosition=${replied.body.position}`),
      ),
    );
    expect(told.map((list) => list.body.items.length)).toEqual([3, 2, 1]);
    await waitFor(
      () => listening.every((client, i) => client.of('me').length === told[i].body.items.length),
      'pushes',
    );
    const everythingToOthers = JSON.stringify([
      told.map((list) => list.body),
      listening.map((client) => client.changes),
      outboxOf(running.config.dataDir).filter((line) => line.to.address !== SITI),
      smtp.delivered.filter((mail) => !mail.envelopeTo.includes(SITI)),
    ]);
    expect(everythingToOthers).not.toContain(siti.accountId);
    expect(everythingToOthers).not.toContain('Siti Rahma');
    expect(everythingToOthers).not.toContain(SITI);
  });

  it('forgets the person on erasure: notifications, follows, live payloads and messages kept for delivery', async () => {
    await waitFor(
      async () => (await documents.count(DELIVERIES, { personKey: personKey(siti.accountId) })) > 0,
      'messages recorded for Siti',
    );
    const erased = await api.send('DELETE', '/api/me', {
      body: { password: PASSWORD },
      token: siti.accessToken,
    });
    expect(erased.status).toBe(204);
    expect(await documents.count(await collection(NOTIFICATIONS), { personId: siti.accountId })).toBe(0);
    expect(await documents.count(await collection(FOLLOWERS), { personId: siti.accountId })).toBe(0);
    // A planner page saved while the erasure ran forgets its own records right after saving (delivery-planner.ts).
    await waitFor(
      async () => (await documents.count(DELIVERIES, { personKey: personKey(siti.accountId) })) === 0,
      'the outbox to forget Siti',
    );
    const entries = await documents.readChanges({ topics: ['me'], limit: 1000 });
    expect(JSON.stringify(entries.map((e) => e.payloads))).not.toContain(personKey(siti.accountId));
    // Everyone else told of the same events still finds their own.
    expect(entries.some((e) => Object.keys(e.payloads).length > 0)).toBe(true);
  });
});
