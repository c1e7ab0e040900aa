import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutboxOutgoingMessages } from './outbox-outgoing-messages';
import { MessageDeliveryError, OutgoingMessage, Recipient } from './outgoing-messages.port';
import { RoutingOutgoingMessages } from './routing-outgoing-messages';
import { SmtpOutgoingMessages } from './smtp-outgoing-messages';
import { outgoingMessagesContract } from './testing/outgoing-messages.contract';
import { SmtpTestServer } from './testing/smtp-test-server';
import { WebhookTestReceiver } from './testing/webhook-test-receiver';
import { WebhookOutgoingMessages } from './webhook-outgoing-messages';

const SECRET = 'gateway-secret-0123456789abcdefghijkl';

async function startChannels() {
  const smtp = new SmtpTestServer();
  const gateway = new WebhookTestReceiver(SECRET);
  const port = await smtp.start();
  const url = `${await gateway.start()}/sms`;
  const outboxFile = join(mkdtempSync(join(tmpdir(), 'suara-routing-')), 'outbox.ndjson');
  const email = new SmtpOutgoingMessages({
    server: { host: '127.0.0.1', port, secure: false },
    from: 'a@suara.test',
  });
  const phone = new WebhookOutgoingMessages({ url, secret: SECRET });
  const outbox = new OutboxOutgoingMessages(outboxFile);
  const stop = async () => {
    await Promise.all([smtp.stop(), gateway.stop()]);
  };
  const outboxLines = () =>
    existsSync(outboxFile) ? readFileSync(outboxFile, 'utf8').trim().split('\n') : [];
  return { smtp, gateway, email, phone, outbox, outboxLines, stop };
}

outgoingMessagesContract('routing (e-mail by SMTP, phones by webhook)', async () => {
  const channels = await startChannels();
  const messages = new RoutingOutgoingMessages({ email: channels.email, phone: channels.phone });
  let turn = 0;
  return {
    messages,
    recipient: (): Recipient =>
      turn++ % 2 === 0
        ? { kind: 'email', address: `warga-${turn}@suara.test` }
        : { kind: 'phone', number: `+6281234567${String(turn).padStart(3, '0')}` },
    received: async () => [
      ...channels.smtp.delivered.map((mail) => ({
        id: mail.headers.get('x-suara-message-id') ?? '',
        to: mail.envelopeTo.join(','),
        subject: mail.subject,
        text: mail.text,
      })),
      ...channels.gateway.accepted.map(({ body }) => ({
        id: body.id,
        to: body.to.address,
        subject: body.subject,
        text: body.text,
      })),
    ],
    close: async () => {
      await messages.close();
      await channels.stop();
    },
  };
});

const messageTo = (to: Recipient): OutgoingMessage => ({
  id: randomUUID(),
  kind: 'one_time_code',
  to,
  subject: 'Kode',
  text: 'Kode Suara Warga Anda: 123456',
});

describe('routing outgoing messages', () => {
  let channels: Awaited<ReturnType<typeof startChannels>>;
  beforeEach(async () => (channels = await startChannels()));
  afterEach(() => channels.stop());

  it('sends e-mail by SMTP and phones to the gateway, nothing to the outbox', async () => {
    const router = new RoutingOutgoingMessages({
      email: channels.email,
      phone: channels.phone,
      fallback: channels.outbox,
    });
    await router.send(messageTo({ kind: 'email', address: 'siti@suara.test' }));
    await router.send(messageTo({ kind: 'phone', number: '+6281234567890' }));
    await router.close();
    expect(channels.smtp.delivered.map((mail) => mail.envelopeTo)).toEqual([['siti@suara.test']]);
    expect(channels.gateway.accepted.map(({ body }) => body.to.address)).toEqual(['+6281234567890']);
    expect(channels.outboxLines()).toEqual([]);
  });

  it('puts a recipient no route serves in the outbox when configured so', async () => {
    const router = new RoutingOutgoingMessages({ email: channels.email, fallback: channels.outbox });
    await router.send(messageTo({ kind: 'phone', number: '+6281234567890' }));
    await router.close();
    expect(channels.outboxLines()).toHaveLength(1);
    expect(channels.gateway.accepted).toHaveLength(0);
  });

  it('refuses a recipient no route serves when there is no fallback', async () => {
    const router = new RoutingOutgoingMessages({ email: channels.email });
    const sending = router.send(messageTo({ kind: 'phone', number: '+6281234567890' }));
    await expect(sending).rejects.toBeInstanceOf(MessageDeliveryError);
    await expect(sending).rejects.toThrow(/no channel is configured for phones/);
    await router.close();
  });

  it('reports a failing route instead of hiding the code in the outbox', async () => {
    channels.gateway.status = 503;
    const router = new RoutingOutgoingMessages({ phone: channels.phone, fallback: channels.outbox });
    await expect(router.send(messageTo({ kind: 'phone', number: '+6281234567890' }))).rejects.toThrow(
      /answered 503/,
    );
    await router.close();
    expect(channels.outboxLines()).toEqual([]);
  });
});
