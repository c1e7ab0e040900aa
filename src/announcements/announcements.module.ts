import { Module } from '@nestjs/common';
import { AcknowledgeHandler } from './acknowledge.handler';
import { AnnouncementCommandHandler } from './announcement-command.handler';
import { announcementDeciderProvider } from './announcement-decider.provider';
import { AnnouncementsController } from './announcements.controller';
import { GetAnnouncementHandler } from './queries/get-announcement.handler';
import { ListAnnouncementsHandler, ListMyAnnouncementsHandler } from './queries/list-announcements.handler';

/** Announcements: government information to a region or to groups, acknowledged, asked about and answered. */
@Module({
  controllers: [AnnouncementsController],
  providers: [
    announcementDeciderProvider,
    AnnouncementCommandHandler,
    AcknowledgeHandler,
    GetAnnouncementHandler,
    ListAnnouncementsHandler,
    ListMyAnnouncementsHandler,
  ],
})
export class AnnouncementsModule {}
