import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as a real SMTP server received it, its MIME decoded back to text. */
export interface DeliveredMail {
  readonly envelopeTo: string[];
  readonly headers: Map<string, string>;
  readonly subject: string;
  readonly text: string;
}

/**
 * A real SMTP server on a free local port, keeping what it receives. Mail to `refused@…` is refused with
 * 550, quoting the address, as a server does for an unknown mailbox.
 */
export class SmtpTestServer {
  readonly delivered: DeliveredMail[] = [];
  /** Runs on each message after it arrived and before the server answers 250: a test may kill the sender here. */
  beforeAccept?: (mail: DeliveredMail) => Promise<void> | void;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (address.address.startsWith('refused@')) {
        callback(
          Object.assign(new Error(`<${address.address}>: Recipient address rejected: Mailbox unavailable`), {
            responseCode: 550,
          }),
        );
        return;
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // Recorded before the server answers 250, so a resolved send is already here.
      stream.on('end', () => {
        const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const mail = { envelopeTo, ...parseMail(Buffer.concat(chunks).toString('latin1')) };
        this.delivered.push(mail);
        void Promise.resolve(this.beforeAccept?.(mail)).finally(() => callback());
      });
    },
  });

  /** What the address's mailbox holds: one copy per Message-ID, as mail stores keep a resent message once. */
  mailbox(address: string): DeliveredMail[] {
    const kept = new Map<string, DeliveredMail>();
    for (const mail of this.delivered.filter((m) => m.envelopeTo.includes(address))) {
      const id = mail.headers.get('message-id') ?? `without-id-${kept.size}`;
      if (!kept.has(id)) kept.set(id, mail);
    }
    return [...kept.values()];
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.port;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// Enough MIME for what the SMTP adapter sends: one text part, base64 or 7bit, RFC 2047 headers.
function parseMail(raw: string): Omit<DeliveredMail, 'envelopeTo'> {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]/g, (fold) => fold.slice(2));
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase() ?? '7bit';
  if (encoding !== 'base64' && encoding !== '7bit')
    throw new Error(`Unexpected transfer encoding ${encoding}`);
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : body.replace(/\r\n$/, '');
  return { headers, subject: decodeWords(headers.get('subject') ?? ''), text };
}

const ENCODED_WORD = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;

/** RFC 2047: adjacent encoded words join, and their bytes decode together (a character may span two). */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=[ \t]+=\?/g, '?==?');
  let text = '';
  let bytes: Buffer[] = [];
  let last = 0;
  for (const match of joined.matchAll(ENCODED_WORD)) {
    const between = joined.slice(last, match.index);
    if (between !== '') {
      text += Buffer.concat(bytes).toString('utf8') + between;
      bytes = [];
    }
    bytes.push(match[1].toLowerCase() === 'b' ? Buffer.from(match[2], 'base64') : decodeQ(match[2]));
    last = match.index + match[0].length;
  }
  return text + Buffer.concat(bytes).toString('utf8') + joined.slice(last);
}

function decodeQ(word: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < word.length; i++) {
    if (word[i] === '_') bytes.push(0x20);
    else if (word[i] === '=') {
      bytes.push(parseInt(word.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(word.charCodeAt(i));
  }
  return Buffer.from(bytes);
}
