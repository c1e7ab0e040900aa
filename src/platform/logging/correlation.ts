import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const correlation = new AsyncLocalStorage<string>();

export const currentCorrelationId = (): string | undefined => correlation.getStore();

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every request runs under a correlation id (the client's X-Correlation-Id, or a new one), echoed back. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const offered = req.header('x-correlation-id');
  const id = offered && VALID_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Correlation-Id', id);
  correlation.run(id, next);
}
