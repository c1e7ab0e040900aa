import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { Filter } from '../../platform/document-store/document-store.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { audienceOf } from '../aspiration-access';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../read-models/thread.document';
import { isOverdue, SUMMARY_LEAVES_OUT, threadSummary, ThreadSummary } from '../read-models/thread-views';
import { ListThreadsDto } from './list-threads.query-dto';
import { readPosition } from './read-position';
import { afterCursor, encodeCursor, matching, sortOf, sortOrder, visibleTo } from './thread-filters';

const DEFAULT_LIMIT = 20;

export interface ThreadPage {
  readonly items: Array<ThreadSummary & { overdue: boolean }>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/** A page of threads: what the viewer may see, filtered, sorted, after a cursor. `scope` narrows it further. */
export class ListThreads extends Query<ThreadPage> {
  constructor(
    readonly query: ListThreadsDto,
    readonly viewer: Actor | undefined,
    readonly now: Date,
    readonly scope: Filter = {},
  ) {
    super();
  }
}

@QueryHandler(ListThreads)
export class ListThreadsHandler implements IQueryHandler<ListThreads> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query, viewer, now, scope }: ListThreads): Promise<ThreadPage> {
    const position = await readPosition(this.readModels, query.minPosition);
    const sort = sortOf(query.sort);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const filter = {
      $and: [visibleTo(viewer), matching(query), scope, sort.filter ?? {}, afterCursor(sort, query.cursor)],
    };
    const collection = await this.readModels.collection(ASPIRATIONS_PROJECTION, THREADS);
    const found = await this.readModels.documents.find<ThreadDocument>(collection, filter, {
      sort: sortOrder(sort),
      limit: limit + 1,
      projection: SUMMARY_LEAVES_OUT,
    });
    const page = found.slice(0, limit);
    const items = page.map((thread) => ({
      ...threadSummary(
        thread,
        audienceOf(viewer, { ...thread, agencyId: thread.agencyId ?? undefined }) ?? 'public',
      ),
      overdue: isOverdue(thread, now),
    }));
    const last = page.at(-1);
    const nextCursor = found.length > limit && last ? encodeCursor(last[sort.field], last._id) : null;
    return { items, nextCursor, position };
  }
}
