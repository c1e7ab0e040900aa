import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { Clock, systemClock } from './platform/clock';
import { AppConfig } from './platform/config';
import { bodyParserProblems, jsonOnly } from './platform/http/json-only.middleware';
import { mountOpenApi } from './platform/http/openapi';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { RequestValidationError } from './platform/http/request-validation.error';
import { correlationMiddleware } from './platform/logging/correlation';
import { createLogger, PinoNestLogger } from './platform/logging/logger';
import { requestLogging } from './platform/logging/request-logging';

/** Larger bodies are refused with 413: an aspiration's text is at most 5,000 characters. */
const BODY_LIMIT = '64kb';

/** Builds the whole platform for a configuration: main.ts and the end-to-end tests start it the same way. */
export async function createApp(config: AppConfig, clock: Clock = systemClock): Promise<INestApplication> {
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, clock), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.disable('x-powered-by');
  app.use(correlationMiddleware, requestLogging(logger), jsonOnly);
  app.useBodyParser('json', { limit: BODY_LIMIT, type: ['application/json', 'application/*+json'] });
  app.use(bodyParserProblems);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  mountOpenApi(app);
  app.enableShutdownHooks();
  return app;
}
