import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { Filter } from '../../platform/document-store/document-store.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { ListGroupsDto } from '../dto/group-query.dto';
import { GroupDocument, GROUPS } from '../read-models/group.document';
import { groupSummary } from '../read-models/group-views';
import { groupsCollection, groupsPosition, memberCount } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from './page-cursor';

export interface GroupPage {
  readonly items: Array<ReturnType<typeof groupSummary>>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/** seesGroup's rule as a filter: proposals only for their proposer and the facilitators of their region. */
export function visibleGroups(viewer: Actor | undefined): Filter {
  if (viewer?.role === 'facilitator' && viewer.regionCode === undefined) return {};
  const own = viewer ? [{ proposedBy: viewer.id }] : [];
  const region = viewer?.role === 'facilitator' ? [{ regions: viewer.regionCode }] : [];
  return { $or: [{ status: { $ne: 'proposed' } }, ...own, ...region] };
}

/** Groups the viewer may see, newest first, in a region (or below it) and of a status if asked. */
export class ListGroups extends Query<GroupPage> {
  constructor(
    readonly query: ListGroupsDto,
    readonly viewer: Actor | undefined,
  ) {
    super();
  }
}

@QueryHandler(ListGroups)
export class ListGroupsHandler implements IQueryHandler<ListGroups> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ query, viewer }: ListGroups): Promise<GroupPage> {
    const position = await groupsPosition(this.readModels, query.minPosition);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const matching: Filter = {
      ...(query.region && { regions: query.region }),
      ...(query.status && { status: query.status }),
    };
    const filter = {
      $and: [visibleGroups(viewer), matching, afterPageCursor('createdAt', -1, query.cursor)],
    };
    const collection = await groupsCollection(this.readModels, GROUPS);
    const found = await this.readModels.documents.find<GroupDocument>(collection, filter, {
      sort: { createdAt: -1, _id: -1 },
      limit: limit + 1,
    });
    const { page, nextCursor } = pageOf(found, limit, 'createdAt');
    const items = await Promise.all(
      page.map(async (group) => groupSummary(group, await memberCount(this.readModels, group._id))),
    );
    return { items, nextCursor, position };
  }
}
