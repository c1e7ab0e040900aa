import { DomainEvent } from '../../../platform/domain/decider';

// Type strings and fields are a stored contract. The member who recorded it is a citizen: `recordedBy` is sealed.
// Who comments is the (sealed, for citizens) actor of the comment, never the data.

/** What a member of a group monitored: where it came from, what it says, when; a photo by reference only. */
export type MonitoringReportRecorded = DomainEvent<
  'MonitoringReportRecorded',
  {
    reportId: string;
    groupId: string;
    source: string;
    summary: string;
    /** The day it was monitored, YYYY-MM-DD. */
    monitoredOn: string;
    /** An https URL or an opaque reference (a file name, a storage key): the platform stores no image. */
    photo?: string;
    recordedBy: string;
    recordedAt: string;
  }
>;

export type MonitoringReportCommented = DomainEvent<
  'MonitoringReportCommented',
  { reportId: string; groupId: string; commentId: string; body: string; commentedAt: string }
>;

/** Turned into an aspiration (submitted at once) or a group draft (collecting signatures): the link back. */
export type MonitoringReportRaised = DomainEvent<
  'MonitoringReportRaised',
  { reportId: string; aspirationId?: string; draftId?: string; raisedAt: string }
>;

export type MonitoringReportEvent =
  MonitoringReportRecorded | MonitoringReportCommented | MonitoringReportRaised;
