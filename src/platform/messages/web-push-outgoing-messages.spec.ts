import { randomUUID } from 'node:crypto';
import webPush from 'web-push';
import { MessageDeliveryError } from './outgoing-messages.port';
import { PushTestService } from './testing/push-test-service';
import { isAllowedPushHost, pushTopicOf, WebPushOutgoingMessages } from './web-push-outgoing-messages';

describe('Web Push adapter against a local push service', () => {
  const service = new PushTestService();
  const vapid = webPush.generateVAPIDKeys();
  let adapter: WebPushOutgoingMessages;

  beforeAll(async () => {
    await service.start();
    adapter = new WebPushOutgoingMessages({
      vapid,
      subject: 'mailto:diskominfo@katingankab.go.id',
      allowedHosts: ['127.0.0.1'],
      ca: service.ca,
    });
  });
  afterAll(async () => {
    await adapter.close();
    await service.stop();
  });

  const push = (subscription = service.subscribe(), id = randomUUID()) => ({
    id,
    kind: 'notification' as const,
    to: { kind: 'push' as const, subscription },
    subject: 'Tanggapan baru: Jalan rusak di Kasongan Baru',
    text: 'Dinas PUPR Katingan menanggapi aspirasi Anda.',
    link: '/aspirasi/0b8a2d3e-5a43-4f2b-9a55-3c8b1f3f7d10',
  });

  it('delivers a payload only the browser can read, signed with VAPID, its id as the Topic', async () => {
    const message = push();
    await adapter.send(message);
    const got = service.received.find((r) => r.endpoint === message.to.subscription.endpoint)!;
    expect(got.payload).toEqual({
      id: message.id,
      kind: 'notification',
      title: message.subject,
      body: message.text,
      link: message.link,
    });
    expect(got.topic).toBe(message.id.replace(/-/g, ''));
    expect(got.vapid).toMatchObject({
      sub: 'mailto:diskominfo@katingankab.go.id',
      publicKey: vapid.publicKey,
    });
  });

  it('sends a resend with the same Topic, so the push service keeps one', async () => {
    const message = push();
    await adapter.send(message);
    await adapter.send(message);
    const copies = service.received.filter((r) => r.endpoint === message.to.subscription.endpoint);
    expect(new Set(copies.map((c) => c.topic)).size).toBe(1);
  });

  it('says a subscription the push service no longer knows is permanently undeliverable', async () => {
    service.status = 410;
    try {
      const error = await adapter.send(push()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MessageDeliveryError);
      expect((error as MessageDeliveryError).permanent).toBe(true);
      expect((error as Error).message).not.toContain('/push/');
    } finally {
      service.status = 201;
    }
  });

  it('refuses an endpoint outside the allowed push services, without a request', async () => {
    const error = await adapter
      .send(push({ endpoint: 'https://169.254.169.254/latest', keys: service.subscribe().keys }))
      .catch((e: unknown) => e);
    expect((error as MessageDeliveryError).permanent).toBe(true);
  });

  it('allows a push service host and the hosts below it, nothing else', () => {
    const allowed = ['push.services.mozilla.com', 'fcm.googleapis.com'];
    expect(isAllowedPushHost('https://updates.push.services.mozilla.com/wpush/v2/x', allowed)).toBe(true);
    expect(isAllowedPushHost('https://fcm.googleapis.com/fcm/send/x', allowed)).toBe(true);
    expect(isAllowedPushHost('https://evilfcm.googleapis.com.attacker.example/x', allowed)).toBe(false);
    expect(isAllowedPushHost('https://notfcm.googleapis.com/x', allowed)).toBe(false);
    expect(isAllowedPushHost('not a url', allowed)).toBe(false);
  });

  it('makes a Topic of at most 32 URL-safe characters', () =>
    expect(pushTopicOf('0b8a2d3e-5a43-8f2b-9a55-3c8b1f3f7d10')).toMatch(/^[0-9a-f]{32}$/));
});
