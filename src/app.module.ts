import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AccountsModule } from './accounts/accounts.module';
import { AgenciesModule } from './agencies/agencies.module';
import { AppConfig } from './app-config';
import { AspirationsModule } from './aspirations/aspirations.module';
import { AuditModule } from './audit/audit.module';
import { HealthController } from './health/health.controller';
import { FollowingModule } from './following/following.module';
import { GroupsModule } from './groups/groups.module';
import { AnnouncementsModule } from './announcements/announcements.module';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Open311Module } from './open311/open311.module';
import { AuthModule } from './platform/auth/auth.module';
import { Clock, systemClock } from './platform/clock';
import { personalDataPolicy } from './personal-data-policy';
import { HttpCommandsModule } from './platform/http/http-commands.module';
import { HttpDrain } from './platform/http/http-drain';
import { StorageModule } from './platform/storage.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { ReferenceDataRoutesModule } from './reference-data/reference-data-routes.module';

@Module({})
export class AppModule {
  /** The configuration arrives as a value, so tests run several apps side by side without touching process.env. */
  static with(config: AppConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        StorageModule.with(config, personalDataPolicy),
        AuthModule.with(config),
        HttpCommandsModule.with(clock),
        ReferenceDataModule,
        ReferenceDataRoutesModule,
        AccountsModule.with(config),
        AgenciesModule,
        AspirationsModule,
        FollowingModule,
        GroupsModule,
        AnnouncementsModule,
        NotificationsModule.with(config),
        LiveModule.with(config),
        AuditModule.with(config),
        Open311Module.with(config),
      ],
      controllers: [HealthController],
      providers: [{ provide: HttpDrain, useValue: new HttpDrain() }],
    };
  }
}
