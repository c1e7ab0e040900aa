import { INestApplication, Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from './app-config';
import { AppModule } from './app.module';
import { Clock, systemClock } from './platform/clock';
import { HttpDrain } from './platform/http/http-drain';
import { createHttpAdapter } from './platform/http/http-platform';
import { LiveIoAdapter, secureHttp } from './platform/http/http-security';
import { mountOpenApi } from './platform/http/openapi';
import { ProblemDetailsFilter } from './platform/http/problem-details.filter';
import { RequestValidationError } from './platform/http/request-validation.error';
import { correlationMiddleware } from './platform/logging/correlation';
import { createLogger, PinoNestLogger } from './platform/logging/logger';
import { requestLogging } from './platform/logging/request-logging';
import { RateLimitModule } from './platform/throttling/rate-limit.module';
import { serveGeoReportHttp } from './open311/georeport/georeport-http';
import { serveWebApp } from './web/web-app';
import { defaultWebDir } from './web/web-dir';

/** The root: the HTTP edge (rate limits, first so floods are refused before any token is checked) and the app. */
@Module({})
class SuaraWarga {}

/** Builds the whole platform for a configuration: main.ts and the end-to-end tests start it the same way. */
export async function createApp(config: AppConfig, clock: Clock = systemClock): Promise<INestApplication> {
  const logger = createLogger(config.logLevel);
  if (config.devTokens)
    logger.warn(
      { route: 'POST /api/dev/tokens' },
      'DEVELOPMENT TOKEN ISSUER MOUNTED (SUARA_DEV_TOKENS=true): anyone can get a token for any actor and role. ' +
        'Never expose this instance to the public.',
    );
  const app = await NestFactory.create<NestFastifyApplication>(
    {
      module: SuaraWarga,
      imports: [RateLimitModule.with(config.rateLimits), AppModule.with(config, clock)],
    },
    createHttpAdapter(config.trustProxy ?? false),
    // Fastify's own JSON parser only: no form bodies, refused with 415 like any other non-JSON body.
    { logger: new PinoNestLogger(logger), bodyParser: false },
  );
  await secureHttp(app, config.corsOrigins ?? []);
  app.use(correlationMiddleware);
  app.use(requestLogging(logger));
  // After the correlation middleware, so page answers carry a correlation id like every other response.
  await serveWebApp(app, config.webDir ?? defaultWebDir());
  // Open311 GeoReport v2: form bodies on its routes, and its own error format for refusals made before them.
  serveGeoReportHttp(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationError.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Lets src/main.ts finish requests in flight at shutdown; it owns the signals (no enableShutdownHooks).
  app.get(HttpDrain).install(app.getHttpAdapter().getInstance());
  // Socket.IO (/live) shares the HTTP server.
  app.useWebSocketAdapter(new LiveIoAdapter(app, config.corsOrigins ?? []));
  mountOpenApi(app);
  return app;
}
