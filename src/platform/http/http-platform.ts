import { FastifyAdapter } from '@nestjs/platform-fastify';
import { answerUnlistedMethodsWith405 } from './method-not-allowed';

/** Larger bodies are refused with 413: an aspiration's text is at most 5,000 characters. */
const BODY_LIMIT = 64 * 1024;

/**
 * Fastify, chosen by measurement (docs/http-platform.md). It parses JSON only: every other media type is
 * refused with 415 before anything reads it, so a body is never half-understood.
 */
export function createHttpAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT });
  adapter.getInstance().removeContentTypeParser(['text/plain']);
  answerUnlistedMethodsWith405(adapter.getInstance());
  return adapter;
}
