import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ConcurrencyRetriesExhaustedError, IdempotencyKeyReusedError } from '../commands/command-errors';
import { DomainError, DomainErrorKind } from '../domain/domain-errors';
import { SubjectErasedError } from '../personal-data/key-store.port';
import {
  ISSUER_UNAVAILABLE_RETRY_AFTER_S,
  IssuerUnavailableError,
} from '../auth/oidc/issuer-unavailable.error';
import { IntegrityFailureError, KeyMissingError, StorageFullError } from '../integrity/integrity-errors';
import { currentCorrelationId } from '../logging/correlation';
import { RateLimitedError } from '../throttling/rate-limited.error';
import { FieldProblem, RequestValidationError } from './request-validation.error';

export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly FieldProblem[];
  /** Sent as the Retry-After header, for a condition expected to pass (a full disk being cleared). */
  readonly retryAfterSeconds?: number;
}

/** Logged once where they arise (integrity monitor, OIDC verifier): once per request would flood the log. */
const REPORTED_BY_MONITOR = new Set([
  'integrity_failure',
  'key_missing',
  'storage_full',
  'issuer_unavailable',
]);

/** How long a client should wait before retrying a command refused for a full disk. */
const STORAGE_FULL_RETRY_AFTER_SECONDS = 30;

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const problem = (status: number, code: string, detail?: string, errors?: FieldProblem[]): Problem => ({
  status,
  code,
  title: TITLES[status] ?? 'Error',
  detail,
  errors,
});

/** What any error thrown while handling a request means to the client. */
export function problemOf(error: unknown): Problem {
  if (error instanceof RequestValidationError)
    return problem(400, 'invalid_request', error.message, error.problems);
  if (error instanceof DomainError) {
    const errors = error.field ? [{ field: error.field, message: error.message }] : undefined;
    return problem(STATUS_OF_KIND[error.kind], error.code, error.message, errors);
  }
  if (error instanceof SubjectErasedError) return problem(409, 'person_erased', error.message);
  // Storage problems name nothing stored: the operator finds stream and position in health and the log.
  if (error instanceof IntegrityFailureError)
    return problem(
      503,
      'integrity_failure',
      'This record failed its integrity check; operators have been alerted',
    );
  if (error instanceof KeyMissingError)
    return problem(
      503,
      'key_missing',
      'A data key this record needs is missing; operators have been alerted',
    );
  if (error instanceof StorageFullError)
    return {
      ...problem(503, 'storage_full', 'Storage is full; try again later'),
      retryAfterSeconds: STORAGE_FULL_RETRY_AFTER_SECONDS,
    };
  if (error instanceof IssuerUnavailableError)
    return {
      ...problem(503, 'issuer_unavailable', error.message),
      retryAfterSeconds: ISSUER_UNAVAILABLE_RETRY_AFTER_S,
    };
  if (error instanceof RateLimitedError)
    return { ...problem(429, 'rate_limited', error.message), retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof IdempotencyKeyReusedError)
    return problem(422, 'idempotency_key_reused', error.message);
  if (error instanceof ConcurrencyRetriesExhaustedError)
    return problem(409, 'concurrent_changes', error.message);
  const fastify = (error instanceof HttpException ? error.cause : error) as {
    code?: string;
    statusCode?: number;
  };
  if (fastify?.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return problem(413, 'body_too_large', 'The request body is too large');
  if (fastify?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  if (fastify?.statusCode === 400 && fastify.code?.startsWith('FST_ERR_CTP_')) {
    return problem(400, 'malformed_json', 'The request body is not valid JSON');
  }
  if (error instanceof HttpException)
    return problem(error.getStatus(), `http_${error.getStatus()}`, error.message);
  return problem(500, 'internal_error', 'Something went wrong on our side; it has been logged');
}

/** Writes a problem as RFC 9457 problem details. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: Problem): void {
  if (p.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
  const { retryAfterSeconds, ...rest } = p;
  if (retryAfterSeconds !== undefined) void reply.header('Retry-After', String(retryAfterSeconds));
  const body = {
    type: `https://suara-warga.id/problems/${p.code}`,
    instance: request.url,
    correlationId: currentCorrelationId(),
    ...rest,
  };
  void reply.status(p.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

/** Every error leaves as problem details; only unexpected ones are logged as errors (storage problems are logged
 * once per problem by the integrity monitor, not once per request). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const p = problemOf(error);
    if (p.status >= 500 && !REPORTED_BY_MONITOR.has(p.code))
      this.logger.error((error as Error)?.stack ?? String(error));
    sendProblem(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), p);
  }
}
