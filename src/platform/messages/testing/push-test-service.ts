import { execFileSync } from 'node:child_process';
import { createECDH, createPublicKey, ECDH, randomBytes, randomUUID, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { IncomingMessage } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt } from 'http_ece';
import { PushSubscriptionTarget } from '../outgoing-messages.port';

/** One push as the service received it: checked (VAPID) and decrypted with the browser's own keys. */
export interface ReceivedPush {
  readonly endpoint: string;
  readonly topic: string | undefined;
  readonly ttl: string | undefined;
  /** The VAPID JWT's claims, after its ES256 signature was checked against the key it names. */
  readonly vapid: {
    readonly aud: string;
    readonly sub: string;
    readonly exp: number;
    readonly publicKey: string;
  };
  readonly payload: unknown;
}

interface Browser {
  readonly ecdh: ECDH;
  readonly auth: string;
}

/**
 * A push service on a free local HTTPS port (a self-signed certificate made with openssl) standing where FCM or
 * Mozilla's autopush would: it hands out subscriptions as a browser's PushManager does, refuses pushes without a
 * valid VAPID signature (401), and decrypts each aes128gcm payload with the subscription's private key.
 */
export class PushTestService {
  readonly received: ReceivedPush[] = [];
  readonly refused: string[] = [];
  /** The status it answers valid pushes with; 410 plays a subscription that expired. */
  status = 201;
  /** The certificate to trust (PEM). */
  readonly ca: string;
  private readonly browsers = new Map<string, Browser>();
  private readonly server: Server;

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'suara-push-'));
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    this.ca = readFileSync(cert, 'utf8');
    this.server = createServer({ key: readFileSync(key), cert: this.ca }, (request, response) => {
      void this.receive(request).then(
        (status) => response.writeHead(status).end(),
        () => response.writeHead(400).end(),
      );
    });
    rmSync(dir, { recursive: true, force: true });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.origin;
  }

  get origin(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** A new browser's subscription, as PushManager.subscribe() returns it. */
  subscribe(): PushSubscriptionTarget {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16).toString('base64url');
    const endpoint = `${this.origin}/push/${randomUUID()}`;
    this.browsers.set(new URL(endpoint).pathname, { ecdh, auth });
    return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } };
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async receive(request: IncomingMessage): Promise<number> {
    const body = await readBody(request);
    const path = request.url ?? '/';
    const browser = this.browsers.get(path);
    if (!browser) return 404;
    const vapid = checkVapid(String(request.headers.authorization ?? ''), this.origin);
    if (!vapid || request.headers['content-encoding'] !== 'aes128gcm') {
      this.refused.push(path);
      return 401;
    }
    const plain = decrypt(body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth });
    this.received.push({
      endpoint: `${this.origin}${path}`,
      topic: header(request, 'topic'),
      ttl: header(request, 'ttl'),
      vapid,
      payload: JSON.parse(plain.toString('utf8')),
    });
    return this.status;
  }
}

/** `vapid t=<JWT>, k=<public key>` (RFC 8292): an ES256 JWT for this origin, signed by the key it names. */
function checkVapid(authorization: string, origin: string): ReceivedPush['vapid'] | undefined {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization);
  if (!match) return undefined;
  const [jwt, k] = [match[1], match[2]];
  const [head, claims, signature] = jwt.split('.');
  const point = Buffer.from(k, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  const payload = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
  const fresh = typeof payload.exp === 'number' && payload.exp * 1000 > Date.now();
  return signed && fresh && payload.aud === origin ? { ...payload, publicKey: k } : undefined;
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
