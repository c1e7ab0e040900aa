import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { audienceOf } from '../../aspirations/aspiration-access';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';
import { readPosition } from '../../aspirations/queries/read-position';
import { visibleTo } from '../../aspirations/queries/thread-filters';
import {
  ASPIRATIONS_PROJECTION,
  THREADS,
  ThreadDocument,
} from '../../aspirations/read-models/thread.document';
import { isOverdue, threadSummary } from '../../aspirations/read-models/thread-views';
import { announcementsPosition } from '../../announcements/queries/announcement-read';
import { groupAnnouncementItems } from '../../announcements/queries/group-announcements';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { isInsider } from '../group-access';
import { MONITORING_REPORTS, ReportDocument } from '../read-models/group.document';
import { reportView } from '../read-models/group-views';
import { groupsCollection, visibleGroup } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, encodePageCursor } from './page-cursor';

type FeedItem =
  | {
      kind: 'aspiration';
      at: string;
      id: string;
      aspiration: ReturnType<typeof threadSummary> & { overdue: boolean };
    }
  | { kind: 'report'; at: string; id: string; report: ReturnType<typeof reportView> }
  | Awaited<ReturnType<typeof groupAnnouncementItems>>[number];

export interface FeedPage {
  readonly items: FeedItem[];
  readonly nextCursor: string | null;
  readonly position: string;
}

/**
 * A group's feed, newest first: the aspirations submitted for it (as the caller may see each), the announcements to
 * it (as the caller may see them) and, for its insiders, its monitoring reports. One cursor pages both: (time, id) of the last item.
 */
export class GetGroupFeed extends Query<FeedPage> {
  constructor(
    readonly groupId: string,
    readonly viewer: Actor | undefined,
    readonly now: Date,
    readonly page: PageDto,
  ) {
    super();
  }
}

const newestFirst = (a: FeedItem, b: FeedItem) =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

@QueryHandler(GetGroupFeed)
export class GetGroupFeedHandler implements IQueryHandler<GetGroupFeed> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, viewer, now, page }: GetGroupFeed): Promise<FeedPage> {
    // The announcements' position already waits for the groups read model (memberships decide what is seen).
    const positions = await Promise.all([
      readPosition(this.readModels, page.minPosition),
      announcementsPosition(this.readModels, page.minPosition),
    ]);
    const { standing } = await visibleGroup(this.readModels, groupId, viewer);
    const limit = page.limit ?? DEFAULT_LIMIT;
    const member = standing === 'member' || standing === 'coordinator';
    const [aspirations, reports, announcements] = await Promise.all([
      this.aspirations(groupId, viewer, now, page.cursor, limit + 1),
      isInsider(standing) ? this.reports(groupId, viewer, page.cursor, limit + 1) : Promise.resolve([]),
      groupAnnouncementItems(this.readModels, groupId, viewer, member, page.cursor, limit + 1),
    ]);
    const merged = [...aspirations, ...reports, ...announcements].sort(newestFirst);
    const items = merged.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = merged.length > limit && last ? encodePageCursor(last.at, last.id) : null;
    // What every read model reflects: the lowest of their positions.
    const position = positions.reduce((low, p) => (BigInt(p) < BigInt(low) ? p : low));
    return { items, nextCursor, position };
  }

  private async aspirations(
    groupId: string,
    viewer: Actor | undefined,
    now: Date,
    cursor: string | undefined,
    limit: number,
  ) {
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const filter = { $and: [visibleTo(viewer), { groupId }, afterPageCursor('submittedAt', -1, cursor)] };
    const found = await this.readModels.documents.find<ThreadDocument>(collection, filter, {
      sort: { submittedAt: -1, _id: -1 },
      limit,
    });
    return found.map((thread): FeedItem => {
      const audience = audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined }) ?? 'public';
      const aspiration = { ...threadSummary(thread, audience), overdue: isOverdue(thread, now) };
      return { kind: 'aspiration', at: thread.submittedAt, id: thread._id, aspiration };
    });
  }

  private async reports(
    groupId: string,
    viewer: Actor | undefined,
    cursor: string | undefined,
    limit: number,
  ) {
    const collection = await groupsCollection(this.readModels, MONITORING_REPORTS);
    const filter = { $and: [{ groupId }, afterPageCursor('recordedAt', -1, cursor)] };
    const found = await this.readModels.documents.find<ReportDocument>(collection, filter, {
      sort: { recordedAt: -1, _id: -1 },
      limit,
    });
    return found.map((report): FeedItem => ({
      kind: 'report',
      at: report.recordedAt,
      id: report._id,
      report: reportView(report, viewer?.id),
    }));
  }
}
