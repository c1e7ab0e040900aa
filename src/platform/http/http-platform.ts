import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { correlationMiddleware } from '../logging/correlation';
import type { TrustProxy } from './http-security';
import { assertJsonShape } from './json-shape';
import { answerUnlistedMethodsWith405 } from './method-not-allowed';
import { refuseLongPathParameters, ROUTER_MAX_PARAM_LENGTH } from './path-parameter-limit';
import { Problem, problemOf, sendProblem } from './problem-details.filter';

/** Larger bodies are refused with 413: an aspiration's text is at most 5,000 characters. */
const BODY_LIMIT = 64 * 1024;

/**
 * Fastify, chosen by measurement (docs/http-platform.md). It parses JSON only: every other media type is
 * refused with 415 before anything reads it, so a body is never half-understood.
 */
export function createHttpAdapter(trustProxy: TrustProxy = false): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: ROUTER_MAX_PARAM_LENGTH },
    clientErrorHandler: answerClientError,
    frameworkErrors: answerRouterError,
    // request.ip (rate limits, logs) is the client behind these proxies, not the proxy.
    trustProxy: fastifyTrustProxy(trustProxy),
  });
  const fastify = adapter.getInstance();
  fastify.removeContentTypeParser(['text/plain']);
  // Every JSON body, before validation: class-transformer recurses, so deep nesting would overflow the stack.
  fastify.addHook('preValidation', async (request) => assertJsonShape(request.body));
  answerUnlistedMethodsWith405(fastify);
  refuseLongPathParameters(fastify);
  return adapter;
}

/** A hop count trusts that many proxies nearest the app (proxy-addr's hop index starts at 0). */
function fastifyTrustProxy(trust: TrustProxy) {
  if (typeof trust === 'number') return (_address: string, hop: number) => hop < trust;
  return typeof trust === 'boolean' ? trust : [...trust];
}

/**
 * A path Fastify's router cannot decode (a malformed percent-encoding) is refused before any hook runs: answered
 * as problem details, under a correlation id, like the requests Node's parser refuses.
 */
function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem: Problem =
    error.code === 'FST_ERR_BAD_URL'
      ? { status: 400, code: 'malformed_request', title: 'Bad Request', detail: 'The path does not decode' }
      : problemOf(error);
  correlationMiddleware(request.raw, reply.raw, () => sendProblem(request, reply, problem));
}

/**
 * A request Node's HTTP parser refused before any route saw it (headers or URL too large, malformed):
 * answered as problem details like every other refusal.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout']
        : [400, 'malformed_request'];
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type: `https://suara-warga.id/problems/${code}`, status, code, title });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
