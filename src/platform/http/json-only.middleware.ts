import type { NextFunction, Request, Response } from 'express';
import { problemOf, sendProblem } from './problem-details.filter';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** A body that is not JSON is refused (415) before anything reads it, so it can never be half-understood. */
export function jsonOnly(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (WITH_BODY.has(req.method) && hasBody && !req.is(['application/json', 'application/*+json'])) {
    sendProblem(req, res, {
      status: 415,
      code: 'unsupported_media_type',
      title: 'Unsupported Media Type',
      detail: 'Send the body as application/json',
    });
    return;
  }
  next();
}

/** Body-parser failures (too large, malformed) happen before Nest routes: answer them as problems too. */
export function bodyParserProblems(error: unknown, req: Request, res: Response, next: NextFunction): void {
  const p = problemOf(error);
  if (p.status >= 500) return next(error);
  sendProblem(req, res, p);
}
