import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { MessageDeliveryError, OutgoingMessage } from './outgoing-messages.port';
import { outgoingMessagesContract } from './testing/outgoing-messages.contract';
import { WebhookTestReceiver } from './testing/webhook-test-receiver';
import { WebhookOutgoingMessages } from './webhook-outgoing-messages';
import { verifyWebhookSignature, webhookSignature } from './webhook-signature';

const SECRET = 'gateway-secret-0123456789abcdefghijkl';
const randomPhone = () => `+62812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function startGateway(options: { timeoutMs?: number } = {}) {
  const gateway = new WebhookTestReceiver(SECRET);
  const url = `${await gateway.start()}/sms`;
  return { gateway, url, messages: new WebhookOutgoingMessages({ url, secret: SECRET, ...options }) };
}

outgoingMessagesContract('SMS webhook', async () => {
  const { gateway, messages } = await startGateway();
  return {
    messages,
    recipient: () => ({ kind: 'phone', number: randomPhone() }),
    received: async () =>
      gateway.accepted.map(({ body }) => ({
        id: body.id,
        to: body.to.address,
        subject: body.subject,
        text: body.text,
      })),
    close: async () => {
      await messages.close();
      await gateway.stop();
    },
  };
});

const codeFor = (to: OutgoingMessage['to']): OutgoingMessage => ({
  id: randomUUID(),
  kind: 'one_time_code',
  to,
  subject: 'Kode konfirmasi akun Suara Warga',
  text: 'Kode Suara Warga Anda: 482913.',
});

describe('SMS webhook', () => {
  let started: Awaited<ReturnType<typeof startGateway>>;
  beforeEach(async () => (started = await startGateway()));
  afterEach(() => started.gateway.stop());

  it('signs the exact body bytes with the timestamp, so only the shared secret verifies it', async () => {
    await started.messages.send(codeFor({ kind: 'phone', number: '+6281234567890' }));
    const [delivery] = started.gateway.accepted;
    const signed = { body: delivery.rawBody, timestamp: delivery.timestamp, signature: delivery.signature };
    const now = new Date();
    expect(delivery.signature).toBe(webhookSignature(SECRET, delivery.timestamp ?? '', delivery.rawBody));
    expect(verifyWebhookSignature(SECRET, signed, now)).toBe(true);
    expect(verifyWebhookSignature('another-secret-0123456789abcdefghij', signed, now)).toBe(false);
    const tampered = Buffer.from(delivery.rawBody.toString('utf8').replace('482913', '000000'));
    expect(verifyWebhookSignature(SECRET, { ...signed, body: tampered }, now)).toBe(false);
    const later = String(Number(delivery.timestamp) + 1);
    expect(verifyWebhookSignature(SECRET, { ...signed, timestamp: later }, now)).toBe(false);
  });

  it('lets a receiver refuse a replay of an old signed request', async () => {
    await started.messages.send(codeFor({ kind: 'phone', number: '+6281234567890' }));
    const [delivery] = started.gateway.accepted;
    const signed = { body: delivery.rawBody, timestamp: delivery.timestamp, signature: delivery.signature };
    const tenMinutesLater = new Date(Number(delivery.timestamp) * 1000 + 10 * 60_000);
    expect(verifyWebhookSignature(SECRET, signed, tenMinutesLater)).toBe(false);
  });

  it('posts to the gateway path the body a gateway needs', async () => {
    const sent = codeFor({ kind: 'phone', number: '+6281234567890' });
    await started.messages.send(sent);
    const [delivery] = started.gateway.accepted;
    expect(delivery.path).toBe('/sms');
    expect(delivery.idempotencyKey).toBe(sent.id);
    expect(delivery.body).toEqual({
      id: sent.id,
      kind: 'one_time_code',
      to: { kind: 'phone', address: '+6281234567890' },
      subject: sent.subject,
      text: sent.text,
    });
  });

  it('rejects the send when the gateway fails', async () => {
    started.gateway.status = 500;
    const failing = started.messages.send(codeFor({ kind: 'phone', number: '+6281234567890' }));
    await expect(failing).rejects.toBeInstanceOf(MessageDeliveryError);
    await expect(failing).rejects.toThrow(/answered 500/);
  });

  it('rejects the send when signed with a secret the gateway does not share', async () => {
    const impostor = new WebhookOutgoingMessages({
      url: started.url,
      secret: 'wrong-secret-0123456789abcdefghijklm',
    });
    await expect(impostor.send(codeFor({ kind: 'phone', number: '+6281234567890' }))).rejects.toThrow(
      /answered 401/,
    );
    expect(started.gateway.accepted).toHaveLength(0);
    expect(started.gateway.refused).toHaveLength(1);
  });

  it('posts a webhook recipient to its own URL', async () => {
    const witness = new WebhookOutgoingMessages({ secret: SECRET });
    await witness.send(codeFor({ kind: 'webhook', url: `${new URL(started.url).origin}/witness` }));
    expect(started.gateway.accepted.map((delivery) => delivery.path)).toEqual(['/witness']);
  });

  it('refuses an e-mail recipient, and a phone when no gateway is configured', async () => {
    await expect(
      started.messages.send(codeFor({ kind: 'email', address: 'siti@suara.test' })),
    ).rejects.toThrow(/webhooks carry phone and webhook messages/);
    const noGateway = new WebhookOutgoingMessages({ secret: SECRET });
    await expect(noGateway.send(codeFor({ kind: 'phone', number: '+6281234567890' }))).rejects.toThrow(
      /no gateway URL is configured/,
    );
  });

  it('does not follow a redirect with a signed code', async () => {
    const redirecting = createServer((_request, response) =>
      response.writeHead(307, { location: `${started.url}?stolen=1` }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/sms`;
      const messages = new WebhookOutgoingMessages({ url, secret: SECRET });
      await expect(
        messages.send(codeFor({ kind: 'phone', number: '+6281234567890' })),
      ).rejects.toBeInstanceOf(MessageDeliveryError);
      expect(started.gateway.accepted).toHaveLength(0);
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it('gives up on a gateway that does not answer within the timeout', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/sms`;
      const messages = new WebhookOutgoingMessages({ url, secret: SECRET, timeoutMs: 100 });
      await expect(messages.send(codeFor({ kind: 'phone', number: '+6281234567890' }))).rejects.toThrow(
        /no answer within 100 ms/,
      );
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
