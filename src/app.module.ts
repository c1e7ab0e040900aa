import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { HealthController } from './health/health.controller';
import { AppConfig } from './platform/config';
import { StorageModule } from './platform/storage.module';

@Module({})
export class AppModule {
  /** The configuration arrives as a value, so tests run several apps side by side without touching process.env. */
  static with(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot(), StorageModule.with(config)],
      controllers: [HealthController],
    };
  }
}
