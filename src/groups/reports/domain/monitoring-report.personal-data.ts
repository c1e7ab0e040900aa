import { PersonalDataPolicy } from '../../../platform/domain/personal-data';
import { MonitoringReportRecorded } from './monitoring-report.events';

/** The member who recorded it is a citizen: sealed with their key. Commenters are the (sealed) actor only. */
export const monitoringReportPersonalData: PersonalDataPolicy = (event) =>
  event.type === 'MonitoringReportRecorded'
    ? [{ field: 'recordedBy', subject: (event.data as MonitoringReportRecorded['data']).recordedBy }]
    : [];
