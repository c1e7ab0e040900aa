import { regionPrefixes } from '../../src/aspirations/read-models/thread.document';
import { AnnouncementDocument } from '../../src/announcements/read-models/announcement.document';
import { announcementSummary } from '../../src/announcements/read-models/announcement-views';
import { ChangeDraft } from '../runner/projection';

/**
 * A region announcement is public: it is pushed on `region:<code>` of its region and every region above it, as
 * threads are, so a village's room hears its district's and regency's announcements. A group announcement goes to
 * each group's topic, for its members and the facilitators of its region.
 */
export function announcementChanges(doc: AnnouncementDocument): ChangeDraft[] {
  const payload = { announcement: announcementSummary(doc) };
  if (doc.regionCode !== null)
    return regionPrefixes(doc.regionCode).map((code) => ({
      topic: `region:${code}`,
      payloads: { public: payload },
    }));
  return doc.groupIds.map((groupId) => ({
    topic: `group:${groupId}`,
    payloads: { member: payload, facilitator: payload },
  }));
}
