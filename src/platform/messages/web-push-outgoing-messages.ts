import { Agent } from 'node:https';
import webPush, { WebPushError } from 'web-push';
import { MessageDeliveryError, oneLine, OutgoingMessage, OutgoingMessages } from './outgoing-messages.port';
import { VapidKeys } from './vapid-keys';

export interface WebPushConfig {
  readonly vapid: VapidKeys;
  /** Who runs this server, for push services to contact: a mailto: or https: URL (RFC 8292). */
  readonly subject: string;
  /** Host names (or parent domains) of the push services endpoints may point to; any other host is refused. */
  readonly allowedHosts: readonly string[];
  /** Extra certificate authorities (PEM) to trust for push services: a private relay, or a test's own service. */
  readonly ca?: string;
  readonly timeoutMs?: number;
}

/** What the browser's service worker receives, decrypted: enough to show the notification and open its page. */
export interface PushPayload {
  readonly id: string;
  readonly kind: OutgoingMessage['kind'];
  readonly title: string;
  readonly body: string;
  readonly link?: string;
}

/** The Topic header (RFC 8030), at most 32 URL-safe base64 characters: a UUID without its hyphens. */
export const pushTopicOf = (messageId: string): string =>
  messageId.replace(/[^A-Za-z0-9_]/g, '').slice(0, 32);

// Gone or refused as sent: the same request again gets the same answer.
const PERMANENT = new Set([400, 403, 404, 410, 413]);

/** Whether an endpoint's host is one of the push services allowed (or below one): the platform posts only there. */
export function isAllowedPushHost(endpoint: string, allowedHosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return false;
  }
  return allowedHosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291), through the web-push package.
 * The message id is the Topic, so a resend after a crash replaces an undelivered copy at the push service, and the
 * payload carries the id for the service worker to drop a copy it already showed.
 */
export class WebPushOutgoingMessages implements OutgoingMessages {
  private readonly agent: Agent | undefined;

  constructor(private readonly config: WebPushConfig) {
    this.agent = config.ca === undefined ? undefined : new Agent({ ca: config.ca, keepAlive: false });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.to.kind !== 'push')
      throw new MessageDeliveryError('push', message.id, `Web Push carries browsers, not ${message.to.kind}`);
    const { subscription } = message.to;
    if (!isAllowedPushHost(subscription.endpoint, this.config.allowedHosts))
      throw new MessageDeliveryError('push', message.id, 'the endpoint is not an allowed push service', {
        permanent: true,
      });
    const payload: PushPayload = {
      id: message.id,
      kind: message.kind,
      title: oneLine(message.subject),
      body: message.text,
      ...(message.link !== undefined && { link: message.link }),
    };
    try {
      await webPush.sendNotification(subscription, JSON.stringify(payload), {
        vapidDetails: { subject: this.config.subject, ...this.config.vapid },
        TTL: 24 * 60 * 60,
        topic: pushTopicOf(message.id),
        contentEncoding: 'aes128gcm',
        timeout: this.config.timeoutMs ?? 10_000,
        ...(this.agent && { agent: this.agent }),
      });
    } catch (error) {
      throw failure(message.id, subscription.endpoint, error);
    }
  }

  /** Pushed messages are with the push service and the browser, not here: nothing to drop. */
  async forget(): Promise<void> {}

  async close(): Promise<void> {
    this.agent?.destroy();
  }
}

// Only the origin goes into errors and logs: an endpoint's path identifies the browser.
function failure(messageId: string, endpoint: string, error: unknown): MessageDeliveryError {
  const origin = new URL(endpoint).origin;
  if (error instanceof WebPushError)
    return new MessageDeliveryError('push', messageId, `${origin} answered ${error.statusCode}`, {
      cause: error,
      permanent: PERMANENT.has(error.statusCode),
    });
  const reason = error instanceof Error ? error.message : String(error);
  return new MessageDeliveryError('push', messageId, `${reason} (${origin})`, { cause: error });
}
