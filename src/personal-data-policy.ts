import { accountPersonalData } from './accounts/domain/account.personal-data';
import { sessionPersonalData } from './accounts/domain/session.personal-data';
import { agencyPersonalData } from './agencies/domain/agency.personal-data';
import { aspirationPersonalData } from './aspirations/domain/aspiration.personal-data';
import { endorsementPersonalData } from './endorsements/domain/endorsement.personal-data';
import { followPersonalData } from './following/domain/follow.personal-data';
import { groupDraftPersonalData } from './groups/drafts/domain/group-draft.personal-data';
import { groupPersonalData } from './groups/domain/group.personal-data';
import { announcementPersonalData } from './announcements/domain/announcement.personal-data';
import { monitoringReportPersonalData } from './groups/reports/domain/monitoring-report.personal-data';
import { notificationInboxPersonalData } from './notifications/domain/notification-inbox.personal-data';
import { combinePolicies } from './platform/event-log/event-sealer';

/** Every feature's declaration of which event fields are personal, and whose. */
export const personalDataPolicy = combinePolicies(
  aspirationPersonalData,
  agencyPersonalData,
  endorsementPersonalData,
  followPersonalData,
  groupPersonalData,
  announcementPersonalData,
  groupDraftPersonalData,
  monitoringReportPersonalData,
  notificationInboxPersonalData,
  accountPersonalData,
  sessionPersonalData,
);
