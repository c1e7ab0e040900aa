import { Module } from '@nestjs/common';
import { DraftSubmission } from './drafts/draft-submission';
import { SignDraftHandler, StartDraftHandler } from './drafts/draft-commands.handler';
import { GroupDraftsController } from './drafts/group-drafts.controller';
import { GroupCommandHandler } from './group-command.handler';
import { groupDeciderProviders } from './group-decider.provider';
import { GroupReadsController } from './group-reads.controller';
import { GroupsController } from './groups.controller';
import { GetGroupHandler } from './queries/get-group.handler';
import { ListGroupAspirationsHandler } from './queries/group-aspirations.handler';
import { ListDraftsHandler } from './queries/list-drafts.handler';
import { ListGroupsHandler } from './queries/list-groups.handler';
import { ListMembersHandler } from './queries/list-members.handler';
import { ListMyGroupsHandler } from './queries/list-my-groups.handler';
import { GetGroupFeedHandler } from './queries/group-feed.handler';
import { GetReportHandler, ListReportsHandler } from './queries/reports.handler';
import { RaiseReportHandler } from './reports/raise-report.handler';
import { ReportCommandHandler } from './reports/report-command.handler';
import { ReportsController } from './reports/reports.controller';

/** KIM groups: founding, membership, coordinators, group drafts with co-signatures, monitoring reports, and reads. */
@Module({
  controllers: [GroupsController, GroupDraftsController, GroupReadsController, ReportsController],
  providers: [
    ...groupDeciderProviders,
    GroupCommandHandler,
    DraftSubmission,
    StartDraftHandler,
    SignDraftHandler,
    GetGroupHandler,
    ListGroupsHandler,
    ListMembersHandler,
    ListMyGroupsHandler,
    ListDraftsHandler,
    ListGroupAspirationsHandler,
    ReportCommandHandler,
    RaiseReportHandler,
    ListReportsHandler,
    GetReportHandler,
    GetGroupFeedHandler,
  ],
})
export class GroupsModule {}
