import { afterPageCursor } from '../../groups/queries/page-cursor';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { AnnouncementDocument, ANNOUNCEMENTS } from '../read-models/announcement.document';
import { announcementSummary } from '../read-models/announcement-views';
import { announcementsCollection, visibleAnnouncements } from './announcement-read';

/** A group's announcements as feed items, newest first, as the viewer may see them (`member`: of this group). */
export async function groupAnnouncementItems(
  readModels: ReadModels,
  groupId: string,
  viewer: Actor | undefined,
  member: boolean,
  cursor: string | undefined,
  limit: number,
) {
  const collection = await announcementsCollection(readModels, ANNOUNCEMENTS);
  const visible = visibleAnnouncements(viewer, member ? [groupId] : []);
  const filter = { $and: [visible, { groupIds: groupId }, afterPageCursor('publishedAt', -1, cursor)] };
  const found = await readModels.documents.find<AnnouncementDocument>(collection, filter, {
    sort: { publishedAt: -1, _id: -1 },
    limit,
  });
  return found.map((doc) => ({
    kind: 'announcement' as const,
    at: doc.publishedAt,
    id: doc._id,
    announcement: announcementSummary(doc),
  }));
}
