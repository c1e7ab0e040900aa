import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AppConfig } from './platform/config';
import { correlationMiddleware } from './platform/logging/correlation';
import { createLogger, PinoNestLogger } from './platform/logging/logger';
import { requestLogging } from './platform/logging/request-logging';

/** Builds the whole platform for a configuration: main.ts and the end-to-end tests start it the same way. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create(AppModule.with(config), { logger: new PinoNestLogger(logger) });
  app.use(correlationMiddleware, requestLogging(logger));
  app.enableShutdownHooks();
  return app;
}
