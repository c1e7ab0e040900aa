import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem-details.filter';

/** No id of this API comes near it: UUIDs, agency ids of at most 64 characters, tree sizes of 15 digits. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

/**
 * Fastify's router has such a limit too, but answers it before any hook runs, outside problem details; so the
 * router's is set above any URL Node accepts (16 KiB with the headers) and this one is checked here instead.
 */
export const ROUTER_MAX_PARAM_LENGTH = 16 * 1024;

/**
 * A path parameter over the limit answers 414 problem details naming it, after the request hooks (correlation
 * id, security headers, request log) and before the body is read, so no route ever sees such a value.
 */
export function refuseLongPathParameters(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply) => {
    const params = (request.params ?? {}) as Record<string, string>;
    // `*` is the web app's catch-all: a page path, not a parameter.
    const [name] =
      Object.entries(params).find(
        ([key, value]) => key !== '*' && [...value].length > MAX_PATH_PARAMETER_LENGTH,
      ) ?? [];
    if (name === undefined) return;
    const message = `${name} must be at most ${MAX_PATH_PARAMETER_LENGTH} characters`;
    sendProblem(request, reply, {
      status: 414,
      code: 'uri_too_long',
      title: 'URI Too Long',
      detail: `The path parameter ${message}`,
      errors: [{ field: name, message }],
    });
    return reply;
  });
}
