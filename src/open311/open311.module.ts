import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { CLOCK, Clock } from '../platform/clock';
import { ApiKeyRateLimit } from './clients/api-key-rate-limit';
import { Open311Access } from './clients/open311-access';
import { Open311ClientHandler } from './clients/open311-client.handler';
import { Open311ClientsController } from './clients/open311-clients.controller';
import { Open311Keys } from './clients/open311-keys';
import { GeoReportController } from './georeport/georeport.controller';
import { GeoReportAttribution } from './georeport/georeport-attribution';
import { GeoReportFiling } from './georeport/georeport-filing';
import { GeoReportReads } from './georeport/georeport-reads';

/** Open311 GeoReport v2: another door onto the aspirations' commands and read models, with its client keys. */
@Module({})
export class Open311Module {
  static with(config: AppConfig): DynamicModule {
    return {
      module: Open311Module,
      controllers: [Open311ClientsController, GeoReportController],
      providers: [
        Open311ClientHandler,
        Open311Keys,
        Open311Access,
        {
          provide: ApiKeyRateLimit,
          inject: [CLOCK],
          useFactory: (clock: Clock) => ApiKeyRateLimit.of(config.rateLimits, () => clock.now().getTime()),
        },
        GeoReportReads,
        GeoReportAttribution,
        GeoReportFiling,
      ],
    };
  }
}
