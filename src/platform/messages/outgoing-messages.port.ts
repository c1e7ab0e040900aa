import { assertNever } from '../domain/decider';

export const OUTGOING_MESSAGES = Symbol('OutgoingMessages');

/** A browser's Web Push subscription: its push service endpoint and the keys its payloads are encrypted to. */
export interface PushSubscriptionTarget {
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
}

/** Where a message goes: a person's e-mail or phone (E.164), a browser (Web Push), or a machine's webhook endpoint. */
export type Recipient =
  | { readonly kind: 'email'; readonly address: string }
  | { readonly kind: 'phone'; readonly number: string }
  | { readonly kind: 'push'; readonly subscription: PushSubscriptionTarget }
  | { readonly kind: 'webhook'; readonly url: string };

/** What a message is for; receivers (gateways, witnesses) may treat kinds differently. */
export type MessageKind = 'one_time_code' | 'notification' | 'checkpoint_witness';

/**
 * A message ready to leave the platform. Its id is stable across retries, so a receiver that sees it
 * twice (delivery is at least once) can drop the copy. Subject is one line; text is what a person reads.
 */
export interface OutgoingMessage {
  readonly id: string;
  readonly kind: MessageKind;
  readonly to: Recipient;
  readonly subject: string;
  readonly text: string;
  /** Where in the web app the message leads (a path such as /aspirasi/<id>), for channels that open one. */
  readonly link?: string;
}

/**
 * Carries messages out of the platform: codes now, notifications and checkpoint witnesses later.
 * `send` resolves once the message was handed over for good (written durably, accepted by the SMTP server
 * or by the gateway with a 2xx) and rejects with a MessageDeliveryError otherwise.
 */
export interface OutgoingMessages {
  send(message: OutgoingMessage): Promise<void>;
  /**
   * Erasure: drops every copy this adapter keeps of messages to this recipient. Messages that left the platform
   * (an SMTP server, a gateway) are beyond reach; only the development outbox keeps copies, in the data folder.
   */
  forget(recipient: Recipient): Promise<void>;
  close(): Promise<void>;
}

export type DeliveryChannel = 'outbox' | 'smtp' | 'webhook' | 'push' | 'routing';

export class MessageDeliveryError extends Error {
  constructor(
    readonly channel: DeliveryChannel,
    readonly messageId: string,
    reason: string,
    options?: { cause?: unknown; permanent?: boolean },
  ) {
    super(`Message ${messageId} was not delivered by ${channel}: ${reason}`, options);
    this.name = 'MessageDeliveryError';
    this.permanent = options?.permanent ?? false;
  }

  /** Trying again cannot help (the subscription is gone, the message refused as it is): a sender stops here. */
  readonly permanent: boolean;
}

/** The address as one string, the way logs, the outbox and webhook bodies show it. */
export function recipientAddress(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'email':
      return recipient.address;
    case 'phone':
      return recipient.number;
    case 'push':
      return recipient.subscription.endpoint;
    case 'webhook':
      return recipient.url;
    default:
      return assertNever(recipient);
  }
}

/** A subject travels in a header or a single SMS line: line breaks become spaces. */
export const oneLine = (subject: string): string => subject.replace(/[\r\n]+/g, ' ');
