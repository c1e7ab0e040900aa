import { regionPrefixes } from '../../aspirations/read-models/thread.document';
import { Actor, agencyOfOfficial } from '../../platform/domain/decider';
import { Filter } from '../../platform/document-store/document-store.port';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import {
  GROUP_MEMBERSHIPS,
  GROUPS_PROJECTION,
  MembershipDocument,
} from '../../groups/read-models/group.document';
import { AnnouncementDocument, ANNOUNCEMENTS_PROJECTION } from '../read-models/announcement.document';

/**
 * Waits for the announcements read model, and the groups one whose memberships decide what a member sees, to reach
 * the client's position; answers with the position both reflect.
 */
export async function announcementsPosition(readModels: ReadModels, minPosition: string | undefined) {
  const wanted = minPosition === undefined ? undefined : parsePosition(minPosition);
  const [announcements, groups] = await Promise.all([
    readModels.reached(ANNOUNCEMENTS_PROJECTION, wanted),
    readModels.reached(GROUPS_PROJECTION, wanted),
  ]);
  return positionToString(announcements < groups ? announcements : groups);
}

export const announcementsCollection = (readModels: ReadModels, collection: string) =>
  readModels.collection(ANNOUNCEMENTS_PROJECTION, collection);

/** The groups a person is a member of, from the groups read model. */
export async function memberGroups(
  readModels: ReadModels,
  viewer: Actor | undefined,
): Promise<MembershipDocument[]> {
  if (viewer?.role !== 'citizen') return [];
  const collection = await readModels.collection(GROUPS_PROJECTION, GROUP_MEMBERSHIPS);
  return readModels.documents.find<MembershipDocument>(collection, { personId: viewer.id, status: 'member' });
}

/** seesAnnouncement's rule as a filter, given the groups the viewer is a member of. */
export function visibleAnnouncements(viewer: Actor | undefined, groupIds: readonly string[]): Filter {
  if (viewer?.role === 'auditor') return {};
  if (viewer?.role === 'facilitator' && viewer.regionCode === undefined) return {};
  const agency = viewer && agencyOfOfficial(viewer.role);
  const seen: Filter[] = [{ targetKind: 'region' }];
  if (agency !== undefined) seen.push({ publisherAgency: agency });
  if (viewer?.role === 'facilitator') seen.push({ groupRegions: viewer.regionCode });
  if (groupIds.length > 0) seen.push({ groupIds: { $in: [...groupIds] } });
  return { $or: seen };
}

/** Region announcements for a region and every region above it: a village hears its district's and regency's. */
export const coveringRegion = (regionCode: string): Filter => ({
  regionCode: { $in: regionPrefixes(regionCode) },
});

/** The same rule for one document (seesAnnouncement over the read model's fields). */
export function seesDocument(
  viewer: Actor | undefined,
  doc: AnnouncementDocument,
  memberOf: ReadonlySet<string>,
): boolean {
  if (doc.targetKind === 'region' || viewer?.role === 'auditor') return true;
  if (!viewer) return false;
  const agency = agencyOfOfficial(viewer.role);
  if (agency !== undefined) return agency === doc.publisherAgency;
  if (viewer.role === 'facilitator')
    return viewer.regionCode === undefined || doc.groupRegions.includes(viewer.regionCode);
  return doc.groupIds.some((groupId) => memberOf.has(groupId));
}
