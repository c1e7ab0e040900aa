import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatOfPath, MEDIA_TYPES } from './georeport-format';
import { refusalBody, refusalOfProblem } from './georeport-error.filter';
import { parseFormBody } from './georeport-form';

/** Where GeoReport v2 is served. */
export const GEOREPORT_PREFIX = '/open311/';

const isGeoReport = (request: FastifyRequest) => request.url.startsWith(GEOREPORT_PREFIX);

/** Fastify's own refusal of a media type, so that the problem filter answers it as every other 415. */
const unsupportedMediaType = () =>
  Object.assign(new Error('Unsupported Media Type'), {
    statusCode: 415,
    code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
  });

/**
 * What GeoReport needs of the HTTP edge: form bodies (POST Service Request is application/x-www-form-urlencoded),
 * for its routes only; and its own error format for refusals made before a route runs (unknown path, method not
 * allowed, a long path parameter, a body too large or of another type, rate limits), which the platform answers
 * as problem details.
 */
export function serveGeoReportHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string' },
    (
      request: FastifyRequest,
      body: string | Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      if (!isGeoReport(request)) return done(unsupportedMediaType());
      done(null, parseFormBody(body.toString()));
    },
  );
  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (!isGeoReport(request) || !type.startsWith('application/problem+json') || typeof payload !== 'string')
      return payload;
    const format = formatOfPath(request.url);
    let problem;
    try {
      problem = JSON.parse(payload);
    } catch {
      return payload;
    }
    const refusal = refusalOfProblem(problem);
    void reply.code(refusal.status).header('content-type', MEDIA_TYPES[format]);
    return refusalBody(format, refusal);
  });
}
