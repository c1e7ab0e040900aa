import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { isIP } from 'node:net';
import type { Server, ServerOptions } from 'socket.io';

/** Which proxies' X-Forwarded-For Fastify believes: none, all (true), a hop count, or addresses and CIDRs. */
export type TrustProxy = boolean | number | readonly string[];

/** Names proxy-addr understands for whole ranges. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

const isAddressOrRange = (entry: string) => {
  if (TRUST_PROXY_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^[0-9]{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
};

/**
 * SUARA_TRUST_PROXY: unset or false (the peer is the client), true (trust every proxy: only when the app is
 * unreachable except through them), a hop count, or comma-separated addresses, CIDRs or loopback/linklocal/
 * uniquelocal. Rate limits count per the address this yields.
 */
export function trustProxyFromEnv(text: string | undefined): TrustProxy {
  if (text === undefined || text.trim() === '' || text.trim() === 'false') return false;
  if (text.trim() === 'true') return true;
  if (/^[0-9]{1,2}$/.test(text.trim())) return Number(text.trim());
  const entries = text.split(',').map((entry) => entry.trim());
  const wrong = entries.find((entry) => !isAddressOrRange(entry));
  if (wrong !== undefined)
    throw new Error(
      `SUARA_TRUST_PROXY must be true, false, a hop count, or addresses/CIDRs separated by commas; "${wrong}" is none`,
    );
  return entries;
}

/**
 * SUARA_CORS_ORIGINS: the exact origins (scheme://host[:port]) of separately hosted web clients, comma-separated.
 * None by default: browsers on other origins then cannot read any response. No wildcards.
 */
export function corsOriginsFromEnv(text: string | undefined): readonly string[] {
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((entry) => {
    const origin = entry.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    const exact = parsed?.origin === origin && !origin.includes('*');
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || !exact)
      throw new Error(
        `SUARA_CORS_ORIGINS must list exact origins like https://warga.example.id, separated by commas; "${origin}" is not one`,
      );
    return origin;
  });
}

/** What a cross-origin client may send and read; no cookies (credentials off): tokens travel as bearer headers. */
const corsOptionsFor = (origins: readonly string[]) => ({
  origin: [...origins],
  credentials: false,
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
  exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'Allow'],
  maxAge: 600,
});

/**
 * Security headers on every response. The CSP suits JSON (nothing runs from an API response), the Swagger UI at
 * /api/docs and the web app at / alike: scripts, styles, images, fonts, workers and the live connection come from
 * this origin only (no CDN); TLS ends at the proxy, so no upgrade.
 */
export async function secureHttp(app: NestFastifyApplication, corsOrigins: readonly string[]): Promise<void> {
  await app.register(helmet, {
    frameguard: { action: 'deny' },
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        // Swagger UI sets inline styles on its elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        // The web app's service worker and manifest (offline app shell).
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
  });
  if (corsOrigins.length > 0) app.enableCors(corsOptionsFor(corsOrigins));
}

/** Socket.IO's server with the same allowed origins (engine.io applies them to its HTTP long-polling). */
export class LiveIoAdapter extends IoAdapter {
  constructor(
    app: NestFastifyApplication,
    private readonly corsOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const cors = this.corsOrigins.length > 0 ? { cors: corsOptionsFor(this.corsOrigins) } : {};
    return super.createIOServer(port, { ...options, ...cors } as ServerOptions);
  }
}
