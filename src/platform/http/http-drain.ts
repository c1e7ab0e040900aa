import type { FastifyInstance } from 'fastify';

/** What a request that arrives during shutdown gets: 503 and a hint to retry (another instance, or this one restarted). */
const SHUTTING_DOWN = {
  type: 'https://suara-warga.id/problems/shutting_down',
  title: 'Service Unavailable',
  status: 503,
  code: 'shutting_down',
  detail: 'This instance is shutting down; retry in a moment',
};

/**
 * Counts the HTTP requests in flight so a shutdown can let them finish; once draining, new requests get 503
 * (Retry-After) instead of starting work the process might not finish.
 */
export class HttpDrain {
  private inFlight = 0;
  private draining = false;
  private readonly idle: Array<() => void> = [];

  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (_request, reply, done) => {
      if (this.draining) {
        reply.code(503).header('retry-after', '1').header('connection', 'close');
        reply.type('application/problem+json').send(SHUTTING_DOWN);
        return;
      }
      this.inFlight++;
      reply.raw.once('close', () => this.finished());
      done();
    });
  }

  /** Refuses new requests from now on; resolves once every request in flight has been answered. */
  drain(): Promise<number> {
    this.draining = true;
    const waiting = this.inFlight;
    return waiting === 0
      ? Promise.resolve(0)
      : new Promise((resolve) => this.idle.push(() => resolve(waiting)));
  }

  private finished(): void {
    this.inFlight--;
    if (this.draining && this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
  }
}
