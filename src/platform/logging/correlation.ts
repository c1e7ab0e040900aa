import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const correlation = new AsyncLocalStorage<string>();

export const currentCorrelationId = (): string | undefined => correlation.getStore();

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Every request runs under a correlation id (the client's X-Correlation-Id, or a new one), echoed back. */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const offered = req.headers['x-correlation-id'];
  const id = typeof offered === 'string' && VALID_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Correlation-Id', id);
  correlation.run(id, next);
}
