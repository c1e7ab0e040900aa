import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from '../../groups/queries/page-cursor';
import { Actor } from '../../platform/domain/decider';
import { Filter } from '../../platform/document-store/document-store.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { ListAnnouncementsDto, MyAnnouncementsDto } from '../dto/announcement-query.dto';
import { AnnouncementDocument, ANNOUNCEMENTS } from '../read-models/announcement.document';
import { announcementSummary, AnnouncementSummary } from '../read-models/announcement-views';
import {
  announcementsCollection,
  announcementsPosition,
  coveringRegion,
  memberGroups,
  visibleAnnouncements,
} from './announcement-read';
import { regionPrefixes } from '../../aspirations/read-models/thread.document';

export interface AnnouncementPage {
  readonly items: AnnouncementSummary[];
  readonly nextCursor: string | null;
  readonly position: string;
}

/** Announcements the viewer may see, newest first: covering a region, or to a group, if asked. */
export class ListAnnouncements extends Query<AnnouncementPage> {
  constructor(
    readonly query: ListAnnouncementsDto,
    readonly viewer: Actor | undefined,
  ) {
    super();
  }
}

/** What reaches a person through their groups: announcements to them, and to their regions and those above. */
export class ListMyAnnouncements extends Query<AnnouncementPage> {
  constructor(
    readonly query: MyAnnouncementsDto,
    readonly viewer: Actor,
  ) {
    super();
  }
}

async function page(
  readModels: ReadModels,
  query: MyAnnouncementsDto,
  filter: Filter,
): Promise<AnnouncementPage> {
  const position = await announcementsPosition(readModels, query.minPosition);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const collection = await announcementsCollection(readModels, ANNOUNCEMENTS);
  const found = await readModels.documents.find<AnnouncementDocument>(
    collection,
    { $and: [filter, afterPageCursor('publishedAt', -1, query.cursor)] },
    { sort: { publishedAt: -1, _id: -1 }, limit: limit + 1 },
  );
  const { page: items, nextCursor } = pageOf(found, limit, 'publishedAt');
  return { items: items.map(announcementSummary), nextCursor, position };
}

@QueryHandler(ListAnnouncements)
export class ListAnnouncementsHandler implements IQueryHandler<ListAnnouncements> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query, viewer }: ListAnnouncements): Promise<AnnouncementPage> {
    const groups = await memberGroups(this.readModels, viewer);
    const visible = visibleAnnouncements(
      viewer,
      groups.map((g) => g.groupId),
    );
    const matching: Filter[] = [
      ...(query.region ? [coveringRegion(query.region)] : []),
      ...(query.group ? [{ groupIds: query.group }] : []),
    ];
    return page(this.readModels, query, { $and: [visible, ...matching] });
  }
}

@QueryHandler(ListMyAnnouncements)
export class ListMyAnnouncementsHandler implements IQueryHandler<ListMyAnnouncements> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query, viewer }: ListMyAnnouncements): Promise<AnnouncementPage> {
    const groups = await memberGroups(this.readModels, viewer);
    if (groups.length === 0) return page(this.readModels, query, { _id: { $in: [] } });
    const regions = [...new Set(groups.flatMap((g) => regionPrefixes(g.regionCode)))];
    const reaching: Filter = {
      $or: [{ groupIds: { $in: groups.map((g) => g.groupId) } }, { regionCode: { $in: regions } }],
    };
    return page(this.readModels, query, reaching);
  }
}
