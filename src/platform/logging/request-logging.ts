import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';

/** The path without its query: a query may carry words a person typed (a search for a name), never logged. */
export const loggedPath = (url: string | undefined): string | undefined => url?.split('?', 1)[0];

/** Logs each request once it has been answered: method, path, status and duration; never bodies or tokens. */
export const requestLogging =
  (logger: pino.Logger) =>
  (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          method: req.method,
          path: loggedPath(req.url),
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
