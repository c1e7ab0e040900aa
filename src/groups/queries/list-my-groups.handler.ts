import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';
import { ReadModels } from '../../platform/read-models/read-models';
import { GROUP_MEMBERSHIPS, MembershipDocument } from '../read-models/group.document';
import { ownMembershipView } from '../read-models/group-views';
import { groupsCollection, groupsPosition } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from './page-cursor';

export interface MyGroupsPage {
  readonly items: Array<ReturnType<typeof ownMembershipView>>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/** The groups a person belongs to or asked to join, the most recent first. */
export class ListMyGroups extends Query<MyGroupsPage> {
  constructor(
    readonly personId: string,
    readonly page: PageDto,
  ) {
    super();
  }
}

@QueryHandler(ListMyGroups)
export class ListMyGroupsHandler implements IQueryHandler<ListMyGroups> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ personId, page: query }: ListMyGroups): Promise<MyGroupsPage> {
    const position = await groupsPosition(this.readModels, query.minPosition);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const collection = await groupsCollection(this.readModels, GROUP_MEMBERSHIPS);
    const own = { personId, status: { $in: ['member', 'requested'] } };
    const found = await this.readModels.documents.find<MembershipDocument>(
      collection,
      { $and: [own, afterPageCursor('since', -1, query.cursor)] },
      { sort: { since: -1, _id: -1 }, limit: limit + 1 },
    );
    const { page, nextCursor } = pageOf(found, limit, 'since');
    return { items: page.map(ownMembershipView), nextCursor, position };
  }
}
