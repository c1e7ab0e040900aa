import { createTransport, Transporter } from 'nodemailer';
import { MessageDeliveryError, oneLine, OutgoingMessage, OutgoingMessages } from './outgoing-messages.port';

/** How to reach the SMTP server: a URL (smtp:// or smtps://, credentials inside) or its parts. */
export type SmtpServer =
  | { readonly url: string }
  | {
      readonly host: string;
      readonly port: number;
      /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
      readonly secure: boolean;
      readonly auth?: { readonly user: string; readonly pass: string };
      /** Refuse a server that does not offer STARTTLS; by default, unless the server is this machine. */
      readonly requireTls?: boolean;
    };

export interface SmtpConfig {
  readonly server: SmtpServer;
  /** The sender, e.g. `Suara Warga <no-reply@katingankab.go.id>`. */
  readonly from: string;
  /** How long to wait for the server to connect, greet and answer, in milliseconds. */
  readonly timeoutMs?: number;
}

/** E-mail through any SMTP server (the regency's own, or a relay) with nodemailer. */
export class SmtpOutgoingMessages implements OutgoingMessages {
  private readonly transport: Transporter;

  constructor(private readonly config: SmtpConfig) {
    const timeout = config.timeoutMs ?? 30_000;
    const timeouts = { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout };
    this.transport = createTransport({ ...connectionOf(config.server), ...timeouts });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.to.kind !== 'email')
      throw new MessageDeliveryError('smtp', message.id, `SMTP carries e-mail, not ${message.to.kind}`);
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: message.to.address,
        subject: oneLine(message.subject),
        // Base64 always (nodemailer picks 7bit for plain ASCII): every byte and line break arrives as sent.
        text: { content: message.text, contentTransferEncoding: 'base64' },
        // Delivery is at least once: the same Message-ID on a resend lets mailboxes keep one copy.
        messageId: messageIdHeader(message.id, this.config.from),
        headers: { 'X-Suara-Message-Id': message.id },
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Servers quote the rejected address ("550 <siti@…>: unknown"); the error reaches the log, the address never.
      const withoutAddress = reason.split(message.to.address).join('<recipient>');
      throw new MessageDeliveryError('smtp', message.id, withoutAddress, { cause: error });
    }
  }

  /** Sent e-mail is in the recipient's mailbox, not here: nothing to drop. */
  async forget(): Promise<void> {}

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** RFC 5322 Message-ID from the message's stable id, at the sender's domain: a resend is recognisably the same. */
export function messageIdHeader(id: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'suara-warga.invalid';
  return `<${id}@${domain}>`;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

// Codes must not cross a network in clear: without TLS from the first byte, STARTTLS is required, except
// for a relay on this machine. A URL may still say otherwise in its query (`?requireTLS=false`).
function connectionOf(server: SmtpServer) {
  if ('url' in server) {
    const url = new URL(server.url);
    return { url: server.url, requireTLS: url.protocol === 'smtp:' && !LOOPBACK.has(url.hostname) };
  }
  const { requireTls, ...parts } = server;
  return { ...parts, requireTLS: requireTls ?? (!server.secure && !LOOPBACK.has(server.host)) };
}
