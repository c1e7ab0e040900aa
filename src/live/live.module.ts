import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { ChangeRetention } from './change-retention';
import { ChangeTailer } from './change-tailer';
import { LIVE_CONFIG, LIVE_DEFAULTS } from './live.config';
import { LiveGateway } from './live.gateway';
import { SessionChanges } from './session-changes';
import { TopicAccess } from './topic-access';

/** Live updates over Socket.IO (`/live`), pushed from the change log. */
@Module({})
export class LiveModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: LiveModule,
      providers: [
        { provide: LIVE_CONFIG, useValue: { ...LIVE_DEFAULTS, ...config.live } },
        TopicAccess,
        ChangeTailer,
        ChangeRetention,
        SessionChanges,
        LiveGateway,
      ],
      exports: [ChangeTailer, ChangeRetention, LiveGateway],
    };
  }
}
