import { JWTPayload } from 'jose';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SigningKey, signWith } from './signing-key';

/** How the server answers: as an issuer should, or in one of the ways an outage looks. */
export type KeyServerMode = 'serving' | 'hanging' | 'failing';

/**
 * A minimal real issuer for unit specs: a discovery document and a key set over HTTP on 127.0.0.1, real key
 * pairs, tokens signed with them. (test/support/oidc-issuer.ts runs oidc-provider for the end-to-end suites.)
 */
export class KeyServer {
  mode: KeyServerMode = 'serving';
  published: SigningKey[] = [];
  /** Overrides of the discovery document's fields (e.g. another issuer, another jwks_uri). */
  discovery: Record<string, unknown> = {};

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(): Promise<KeyServer> {
    let handle: (request: IncomingMessage, response: ServerResponse) => void = () => undefined;
    const server = createServer((request, response) => handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const keyServer = new KeyServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    handle = (request, response) => keyServer.answer(request, response);
    return keyServer;
  }

  sign(key: SigningKey, claims: JWTPayload, header: object = {}): Promise<string> {
    return signWith(key, claims, header);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    if (this.mode === 'hanging') return;
    if (this.mode === 'failing') return void response.writeHead(502).end();
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer: this.issuer, jwks_uri: `${this.issuer}/jwks`, ...this.discovery }
        : request.url === '/jwks'
          ? { keys: this.published.map((key) => key.publicJwk) }
          : undefined;
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
