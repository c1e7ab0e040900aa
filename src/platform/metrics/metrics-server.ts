import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';

export interface MetricsSettings {
  /** The port Prometheus scrapes; never the public one (the load balancer does not route to it). */
  readonly port: number;
  /** The address to listen on: all by default, so a scraper on the container network reaches it. */
  readonly host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  readonly token?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compared as digests, in constant time: the token's length leaks nothing either. */
const authorized = (request: IncomingMessage, token: string | undefined) =>
  token === undefined ||
  timingSafeEqual(digest(request.headers.authorization ?? ''), digest(`Bearer ${token}`));

/**
 * GET /metrics on a port of its own, in Prometheus's text format: every process role serves it, including the
 * projections-only one, which has no HTTP API. Nothing else is served there.
 */
export async function startMetricsServer(
  registry: Registry,
  settings: MetricsSettings,
): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://metrics').pathname;
    if (path !== '/metrics') return void response.writeHead(404).end();
    if (request.method !== 'GET') return void response.writeHead(405, { Allow: 'GET' }).end();
    if (!authorized(request, settings.token))
      return void response.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="metrics"' }).end();
    registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
  return { server, url: `http://${host}:${port}/metrics` };
}
