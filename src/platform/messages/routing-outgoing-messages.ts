import { MessageDeliveryError, OutgoingMessage, OutgoingMessages, Recipient } from './outgoing-messages.port';

export interface Routes {
  readonly email?: OutgoingMessages;
  readonly phone?: OutgoingMessages;
  readonly webhook?: OutgoingMessages;
  readonly push?: OutgoingMessages;
  /**
   * Takes recipients of a kind no route serves (the development outbox, when configured so). Never takes a
   * message a configured route failed to deliver: a code in a local file would look sent but reach no one.
   */
  readonly fallback?: OutgoingMessages;
}

/** Sends e-mail addresses by SMTP, phones through the SMS/WhatsApp gateway, webhooks to their URLs. */
export class RoutingOutgoingMessages implements OutgoingMessages {
  constructor(private readonly routes: Routes) {}

  send(message: OutgoingMessage): Promise<void> {
    const route = this.routes[message.to.kind] ?? this.routes.fallback;
    if (route === undefined) return Promise.reject(unroutable(message));
    return route.send(message);
  }

  /** Every route may have carried messages to this recipient (the fallback outbox too). */
  async forget(recipient: Recipient): Promise<void> {
    await Promise.all(this.adapters().map((adapter) => adapter.forget(recipient)));
  }

  async close(): Promise<void> {
    await Promise.all(this.adapters().map((adapter) => adapter.close()));
  }

  private adapters(): OutgoingMessages[] {
    const { email, phone, webhook, push, fallback } = this.routes;
    return [...new Set([email, phone, webhook, push, fallback].filter((route) => route !== undefined))];
  }
}

const describeKind: Record<Recipient['kind'], string> = {
  email: 'e-mail (configure SMTP)',
  phone: 'phones (configure the SMS webhook)',
  webhook: 'webhook recipients (configure a webhook secret)',
  push: 'browsers (Web Push)',
};

const unroutable = (message: OutgoingMessage) =>
  new MessageDeliveryError(
    'routing',
    message.id,
    `no channel is configured for ${describeKind[message.to.kind]}`,
  );
