import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookBody } from '../webhook-outgoing-messages';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../webhook-signature';

/** One request as the receiver saw it, with the exact bytes the signature covers. */
export interface WebhookDelivery {
  readonly path: string;
  readonly rawBody: Buffer;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  /** The message's stable id: a gateway drops a second request with the same key. */
  readonly idempotencyKey: string | undefined;
  readonly body: WebhookBody;
}

/**
 * A real HTTP server on a free local port, standing where an SMS gateway or a witness would. It accepts
 * only bodies signed with its secret (401 otherwise) and answers `status` when told to fail.
 */
export class WebhookTestReceiver {
  readonly accepted: WebhookDelivery[] = [];
  readonly refused: WebhookDelivery[] = [];
  /** The status it answers to signed requests; 500 plays a failing gateway. */
  status = 200;
  private readonly server: Server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      const timestamp = header(request, TIMESTAMP_HEADER);
      const signature = header(request, SIGNATURE_HEADER);
      // As a real receiver must: check the signature over the raw bytes before trusting (parsing) them.
      const signed = verifyWebhookSignature(this.secret, { body: rawBody, timestamp, signature }, this.now());
      const body = JSON.parse(rawBody.toString('utf8')) as WebhookBody;
      const idempotencyKey = header(request, 'idempotency-key');
      const path = request.url ?? '/';
      const delivery: WebhookDelivery = { path, rawBody, timestamp, signature, idempotencyKey, body };
      (signed ? this.accepted : this.refused).push(delivery);
      response.writeHead(signed ? this.status : 401).end();
    });
  });

  constructor(
    private readonly secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
