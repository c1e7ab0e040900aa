import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem-details.filter';

interface KnownPath {
  readonly pattern: RegExp;
  readonly methods: Set<string>;
}

/** '/api/aspirations/:id/verify' → a pattern for the concrete paths Fastify would route there. */
const patternOf = (url: string) =>
  new RegExp(
    `^${url
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/:[^/]+/g, '[^/]+')
      .replace(/\*/g, '.*')}$`,
  );

/**
 * A known path called with a method it does not have answers 405 with `Allow` (RFC 9110 §15.5.6), not 404;
 * unknown paths stay 404. Fastify reports every route as it is added, so the list cannot drift from them.
 */
export function answerUnlistedMethodsWith405(fastify: FastifyInstance): void {
  const paths = new Map<string, KnownPath>();
  fastify.addHook('onRoute', (route) => {
    const known = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) known.methods.add(method.toUpperCase());
    paths.set(route.url, known);
  });
  // preParsing: after the correlation middleware (onRequest), before a body of a refused request is read.
  fastify.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404) return;
    const path = request.url.split('?')[0];
    const allowed = new Set(
      [...paths.values()].filter((p) => p.pattern.test(path)).flatMap((p) => [...p.methods]),
    );
    if (allowed.size === 0) return;
    const allow = [...allowed].sort().join(', ');
    void reply.header('Allow', allow);
    sendProblem(request, reply, {
      status: 405,
      code: 'method_not_allowed',
      title: 'Method Not Allowed',
      detail: `${request.method} is not allowed on ${path}; allowed: ${allow}`,
    });
    return reply;
  });
}
