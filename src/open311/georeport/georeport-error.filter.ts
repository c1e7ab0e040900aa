import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problemOf } from '../../platform/http/problem-details.filter';
import { formatOfPath, GeoReportFormat, MEDIA_TYPES, render } from './georeport-format';
import { GeoReportError, GeoReportProblem } from './georeport-error';

/** What the native API names a field, as a GeoReport client named it. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'attribute[title]',
  body: 'description',
  category: 'service_code',
  regionCode: 'attribute[region]',
};

/**
 * The specification's 403 and 404 keep their meaning; every other refusal of a request is 400 ("basically 400
 * for any other error"), except where HTTP has an exact status: 405 with Allow, 413 too large, 414 a path part
 * too long, 415 not a form, 429 too many, 503 storage unavailable. A bug stays 500, logged.
 */
const EXACT = new Set([403, 404, 405, 413, 414, 415, 429, 500, 503]);

/** What a native refusal says that would mislead a GeoReport client, by its problem code. */
const REWORDED: Readonly<Record<string, string>> = {
  unsupported_media_type: 'Send the request as application/x-www-form-urlencoded; charset=utf-8',
};

function statusOf(status: number): number {
  if (EXACT.has(status)) return status;
  if (status === 401) return 403;
  return status >= 500 ? 503 : 400;
}

export interface GeoReportRefusal {
  readonly status: number;
  readonly problems: readonly GeoReportProblem[];
  readonly retryAfter?: number;
}

/** A native problem (RFC 9457) as the specification's error list: each failing field, or else its detail. */
export function refusalOfProblem(
  problem: Pick<Problem, 'status' | 'code' | 'title' | 'detail' | 'errors'>,
): GeoReportRefusal {
  const status = statusOf(problem.status);
  const fields = problem.errors?.map(({ field, message }) => `${FIELD_NAMES[field] ?? field}: ${message}`);
  const detail = REWORDED[problem.code] ?? problem.detail ?? problem.title;
  const descriptions = fields?.length ? fields : [detail];
  return { status, problems: descriptions.map((description) => ({ code: status, description })) };
}

/** Any error of a GeoReport route, as the specification's error list; the native problem decides its meaning. */
export function geoReportErrorOf(error: unknown): GeoReportRefusal {
  if (error instanceof GeoReportError) return { status: error.status, problems: error.problems };
  const problem = problemOf(error);
  return { ...refusalOfProblem(problem), retryAfter: problem.retryAfterSeconds };
}

/** The body of a refusal in a format. */
export const refusalBody = (format: GeoReportFormat, refusal: GeoReportRefusal): string =>
  render(
    format,
    'errors',
    refusal.problems.map(({ code, description }) => ({ code, description })),
  );

/** Sends an error list in the format the path asks for (XML unless it ends in .json). */
export function sendGeoReportError(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  const refusal = geoReportErrorOf(error);
  const format = formatOfPath(request.url);
  if (refusal.retryAfter !== undefined) void reply.header('Retry-After', String(refusal.retryAfter));
  void reply
    .status(refusal.status)
    .header('content-type', MEDIA_TYPES[format])
    .send(refusalBody(format, refusal));
}

/** Every error of the GeoReport routes leaves in the specification's format, never as problem details. */
@Catch()
export class GeoReportErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('GeoReport');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    if (geoReportErrorOf(error).status === 500) this.logger.error((error as Error)?.stack ?? String(error));
    sendGeoReportError(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), error);
  }
}
