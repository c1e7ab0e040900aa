import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';

/** Logs each request once it has been answered: method, path, status and duration. */
export const requestLogging =
  (logger: pino.Logger) =>
  (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { method: req.method, path: req.url, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
