import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sendProblem } from '../platform/http/problem-details.filter';
import { cacheControlFor, isPagePath } from './web-paths';

const INDEX = 'index.html';

/**
 * Serves the built web app (Vite's output) beside the API: its files with caching headers, and index.html for
 * every page URL, which the app then routes in the browser. Without a build, page URLs say how to make one.
 */
export async function serveWebApp(app: NestFastifyApplication, webDir: string): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const built = existsSync(path.join(webDir, INDEX));
  if (built)
    await app.register(fastifyStatic, {
      root: webDir,
      prefix: '/',
      // One route per built file (read once at start-up), so unknown paths keep their 404 and 405 answers.
      wildcard: false,
      dotfiles: 'ignore',
      // The build writes .br and .gz beside each file; a slow connection gets the smallest one it accepts.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) =>
        void reply.header('Cache-Control', cacheControlFor(path.relative(webDir, file))),
    });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || !['GET', 'HEAD'].includes(request.method)) return;
    if (!isPagePath(request.url.split('?')[0])) return;
    if (!built) {
      sendProblem(request, reply, {
        status: 503,
        code: 'web_app_not_built',
        title: 'Service Unavailable',
        detail: 'The web app has not been built: run `npm run build` (npm start does it), then reload.',
      });
      return reply;
    }
    void reply.header('Cache-Control', cacheControlFor(INDEX));
    return reply.sendFile(INDEX);
  });
}
