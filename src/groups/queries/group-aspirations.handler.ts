import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListThreads, ThreadPage } from '../../aspirations/queries/list-threads.handler';
import { ListThreadsDto } from '../../aspirations/queries/list-threads.query-dto';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { groupsPosition, visibleGroup } from './group-read';

/** The aspirations submitted for a group the caller may see: the threads list, narrowed to the group. */
export class ListGroupAspirations extends Query<ThreadPage> {
  constructor(
    readonly groupId: string,
    readonly query: ListThreadsDto,
    readonly viewer: Actor | undefined,
    readonly now: Date,
  ) {
    super();
  }
}

@QueryHandler(ListGroupAspirations)
export class ListGroupAspirationsHandler implements IQueryHandler<ListGroupAspirations> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly queries: QueryBus,
  ) {}

  async execute({ groupId, query, viewer, now }: ListGroupAspirations): Promise<ThreadPage> {
    // The groups read model decides whether the group exists, so it too must reach the client's position.
    const groups = await groupsPosition(this.readModels, query.minPosition);
    await visibleGroup(this.readModels, groupId, viewer);
    const page: ThreadPage = await this.queries.execute(new ListThreads(query, viewer, now, { groupId }));
    return { ...page, position: lowerOf(page.position, groups) };
  }
}

const lowerOf = (a: string, b: string) => (BigInt(a) < BigInt(b) ? a : b);
