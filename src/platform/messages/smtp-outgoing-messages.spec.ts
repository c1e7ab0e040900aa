import { randomUUID } from 'node:crypto';
import { MessageDeliveryError, OutgoingMessage } from './outgoing-messages.port';
import { SmtpOutgoingMessages } from './smtp-outgoing-messages';
import { outgoingMessagesContract } from './testing/outgoing-messages.contract';
import { SmtpTestServer } from './testing/smtp-test-server';

const FROM = 'Suara Warga <no-reply@suara.test>';

async function startSmtp() {
  const server = new SmtpTestServer();
  const port = await server.start();
  const messages = new SmtpOutgoingMessages({
    server: { host: '127.0.0.1', port, secure: false },
    from: FROM,
  });
  return { server, messages };
}

outgoingMessagesContract('SMTP', async () => {
  const { server, messages } = await startSmtp();
  return {
    messages,
    recipient: () => ({ kind: 'email', address: `warga-${randomUUID().slice(0, 8)}@suara.test` }),
    received: async () =>
      server.delivered.map((mail) => ({
        id: mail.headers.get('x-suara-message-id') ?? '',
        to: mail.envelopeTo.join(','),
        subject: mail.subject,
        text: mail.text,
      })),
    close: async () => {
      await messages.close();
      await server.stop();
    },
  };
});

describe('SMTP outgoing messages', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeEach(async () => (smtp = await startSmtp()));
  afterEach(async () => {
    await smtp.messages.close();
    await smtp.server.stop();
  });

  const message = (to: OutgoingMessage['to']): OutgoingMessage => ({
    id: randomUUID(),
    kind: 'one_time_code',
    to,
    subject: 'Kode',
    text: '123456',
  });

  it('sends from the configured sender, addressed in the header too', async () => {
    await smtp.messages.send(message({ kind: 'email', address: 'siti@suara.test' }));
    const [mail] = smtp.server.delivered;
    expect(mail.headers.get('from')).toBe(FROM);
    expect(mail.headers.get('to')).toBe('siti@suara.test');
  });

  it('gives a resend the same Message-ID, so the mailbox keeps one copy', async () => {
    const sent = message({ kind: 'email', address: 'siti@suara.test' });
    await smtp.messages.send(sent);
    await smtp.messages.send(sent);
    expect(smtp.server.delivered).toHaveLength(2);
    expect(smtp.server.delivered[0].headers.get('message-id')).toBe(`<${sent.id}@suara.test>`);
    expect(smtp.server.mailbox('siti@suara.test')).toHaveLength(1);
  });

  it('rejects the send when the server refuses the mailbox', async () => {
    const sending = smtp.messages.send(message({ kind: 'email', address: 'refused@suara.test' }));
    await expect(sending).rejects.toBeInstanceOf(MessageDeliveryError);
    await expect(sending).rejects.toThrow(/550/);
    // The error reaches the log: the server's answer names the mailbox, the error does not.
    await expect(sending).rejects.not.toThrow(/refused@suara\.test/);
    expect(smtp.server.delivered).toHaveLength(0);
  });

  it('refuses a phone recipient instead of guessing an address', async () => {
    await expect(smtp.messages.send(message({ kind: 'phone', number: '+6281234567890' }))).rejects.toThrow(
      /SMTP carries e-mail, not phone/,
    );
  });

  it('rejects the send when no server listens', async () => {
    const stopped = new SmtpTestServer();
    const port = await stopped.start();
    await stopped.stop();
    const nowhere = new SmtpOutgoingMessages({
      server: { host: '127.0.0.1', port, secure: false },
      from: FROM,
    });
    await expect(nowhere.send(message({ kind: 'email', address: 'siti@suara.test' }))).rejects.toThrow(
      MessageDeliveryError,
    );
    await nowhere.close();
  });

  it('sends through a server given as a URL', async () => {
    const port = smtp.server.port;
    const byUrl = new SmtpOutgoingMessages({ server: { url: `smtp://127.0.0.1:${port}` }, from: FROM });
    await byUrl.send(message({ kind: 'email', address: 'siti@suara.test' }));
    await byUrl.close();
    expect(smtp.server.delivered.map((mail) => mail.envelopeTo)).toEqual([['siti@suara.test']]);
  });

  it('refuses to send in clear when TLS is required and the server offers none', async () => {
    const server = { host: '127.0.0.1', port: smtp.server.port, secure: false, requireTls: true };
    const strict = new SmtpOutgoingMessages({ server, from: FROM });
    await expect(strict.send(message({ kind: 'email', address: 'siti@suara.test' }))).rejects.toThrow(
      MessageDeliveryError,
    );
    await strict.close();
    expect(smtp.server.delivered).toHaveLength(0);
  });
});
