import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { oneTimeCodeMessage } from '../one-time-code.message';
import { OutgoingMessage, OutgoingMessages, Recipient, recipientAddress } from '../outgoing-messages.port';

/** A message as the real receiver on the far side got it. */
export interface ReceivedMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** An adapter wired to a real receiver (a file, an SMTP server, an HTTP server) the test can read. */
export interface MessagesUnderTest {
  readonly messages: OutgoingMessages;
  /** A fresh address this adapter delivers to. */
  recipient(): Recipient;
  /** Everything the receiver got so far, in arrival order. */
  received(): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

// Any code point but line breaks for the one-line subject; the text may hold anything, line breaks included.
// Subjects are one line of our own text; e-mail headers do not keep surrounding whitespace, so none is generated.
const subjectText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 60 })
  .filter((s) => !/[\r\n]/.test(s) && s.trim() === s && s.length > 0);
const bodyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      fc.constantFrom('\n', '\r\n', '\r', '\t', ' ', '\u2028', '"', '\\'),
    ),
    { minLength: 1, maxLength: 40 },
  )
  .map((parts) => parts.join(''));

/** The outgoing-message contract: every adapter runs this same suite against a real receiver. */
export function outgoingMessagesContract(adapter: string, open: () => Promise<MessagesUnderTest>): void {
  describe(`outgoing messages contract: ${adapter}`, () => {
    let under: MessagesUnderTest;
    beforeEach(async () => (under = await open()));
    afterEach(() => under.close());

    const receivedOnce = async (id: string): Promise<ReceivedMessage> => {
      const copies = (await under.received()).filter((message) => message.id === id);
      expect(copies).toHaveLength(1);
      return copies[0];
    };

    it('delivers a one-time code to its recipient', async () => {
      const to = under.recipient();
      const message = oneTimeCodeMessage({
        id: randomUUID(),
        to,
        purpose: 'confirm_account',
        code: '482913',
        validMinutes: 15,
      });
      await under.messages.send(message);
      const received = await receivedOnce(message.id);
      expect(received.to).toBe(recipientAddress(to));
      expect(received.subject).toBe('Kode konfirmasi akun Suara Warga');
      expect(received.text).toContain('482913');
    });

    it('delivers concurrent sends whole, each once', async () => {
      const messages: OutgoingMessage[] = Array.from({ length: 12 }, (_, index) => ({
        id: randomUUID(),
        kind: 'notification',
        to: under.recipient(),
        subject: `Pemberitahuan ${index}`,
        text: `Aspirasi ${index} mendapat tanggapan.\n`.repeat(index + 1),
      }));
      await Promise.all(messages.map((message) => under.messages.send(message)));
      for (const message of messages) {
        const received = await receivedOnce(message.id);
        expect({ to: received.to, subject: received.subject, text: received.text }).toEqual({
          to: recipientAddress(message.to),
          subject: message.subject,
          text: message.text,
        });
      }
    });

    it('carries any unicode subject and text unchanged', () =>
      fc.assert(
        fc.asyncProperty(subjectText, bodyText, async (subject, text) => {
          const message: OutgoingMessage = {
            id: randomUUID(),
            kind: 'notification',
            to: under.recipient(),
            subject,
            text,
          };
          await under.messages.send(message);
          const received = await receivedOnce(message.id);
          expect({ subject: received.subject, text: received.text }).toEqual({ subject, text });
        }),
        { numRuns: 25 },
      ));
  });
}
