import { assertNever } from '../domain/decider';
import { Clock, systemClock } from '../clock';
import {
  MessageDeliveryError,
  oneLine,
  OutgoingMessage,
  OutgoingMessages,
  recipientAddress,
} from './outgoing-messages.port';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';

export interface WebhookConfig {
  /** Where phone messages go: the SMS/WhatsApp gateway. Webhook recipients name their own URL. */
  readonly url?: string;
  /** Shared with the receiver, which checks every body's signature with it. */
  readonly secret: string;
  readonly timeoutMs?: number;
}

/** The JSON body every webhook receiver gets. */
export interface WebhookBody {
  readonly id: string;
  readonly kind: OutgoingMessage['kind'];
  readonly to: { readonly kind: OutgoingMessage['to']['kind']; readonly address: string };
  readonly subject: string;
  readonly text: string;
}

/**
 * Posts each message as signed JSON: to an SMS/WhatsApp gateway for phones, or to a webhook recipient's
 * own URL. Anything but a 2xx within the timeout is a failed delivery.
 */
export class WebhookOutgoingMessages implements OutgoingMessages {
  constructor(
    private readonly config: WebhookConfig,
    private readonly clock: Clock = systemClock,
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    const url = this.targetOf(message);
    const body: WebhookBody = {
      id: message.id,
      kind: message.kind,
      to: { kind: message.to.kind, address: recipientAddress(message.to) },
      subject: oneLine(message.subject),
      text: message.text,
    };
    const json = JSON.stringify(body);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const timeoutMs = this.config.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          // Delivery is at least once: a gateway that saw this key already drops the copy.
          'idempotency-key': message.id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(this.config.secret, timestamp, json),
        },
        body: json,
        // A redirect would hand a signed code to a host nobody configured.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = isTimeout(error) ? `no answer within ${timeoutMs} ms` : describe(error);
      throw new MessageDeliveryError('webhook', message.id, `${reason} (${origin(url)})`, { cause: error });
    }
    // The body is not needed, but it must be read or discarded to free the connection.
    await response.body?.cancel();
    if (!response.ok)
      throw new MessageDeliveryError('webhook', message.id, `${origin(url)} answered ${response.status}`);
  }

  /** Posted messages are with the gateway or the recipient, not here: nothing to drop. */
  async forget(): Promise<void> {}

  async close(): Promise<void> {}

  private targetOf(message: OutgoingMessage): string {
    switch (message.to.kind) {
      case 'webhook':
        return message.to.url;
      case 'phone':
        if (this.config.url !== undefined) return this.config.url;
        throw new MessageDeliveryError('webhook', message.id, 'no gateway URL is configured for phones');
      case 'email':
      case 'push':
        throw new MessageDeliveryError('webhook', message.id, 'webhooks carry phone and webhook messages');
      default:
        return assertNever(message.to);
    }
  }
}

// fetch aborts with a DOMException, which is not always an Error instance: look at its name only.
const isTimeout = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'TimeoutError';
const describe = (error: unknown): string =>
  error instanceof Error
    ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}`
    : String(error);
// Only the origin goes into errors and logs: a gateway URL may carry a token in its path or query.
const origin = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
};
