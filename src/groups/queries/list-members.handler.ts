import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { isInsider, leads } from '../group-access';
import { groupErrors } from '../domain/group.errors';
import { ListMembersDto } from '../dto/group-query.dto';
import { GROUP_MEMBERSHIPS, MembershipDocument } from '../read-models/group.document';
import { memberView } from '../read-models/group-views';
import { groupsCollection, groupsPosition, visibleGroup } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from './page-cursor';

export interface MemberPage {
  readonly items: Array<ReturnType<typeof memberView>>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/**
 * The members (oldest first) by the names they go by, for the group's insiders only: members are citizens, whose
 * membership is no one else's business. Who asked to join only its coordinators and the region's facilitators see.
 */
export class ListMembers extends Query<MemberPage> {
  constructor(
    readonly groupId: string,
    readonly viewer: Actor,
    readonly query: ListMembersDto,
  ) {
    super();
  }
}

@QueryHandler(ListMembers)
export class ListMembersHandler implements IQueryHandler<ListMembers> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, viewer, query }: ListMembers): Promise<MemberPage> {
    const position = await groupsPosition(this.readModels, query.minPosition);
    const { standing } = await visibleGroup(this.readModels, groupId, viewer);
    if (!isInsider(standing)) throw groupErrors.membersOnly('read its members');
    const status = query.status ?? 'member';
    if (status === 'requested' && !leads(standing)) throw groupErrors.leadsOnly('read its join requests');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const collection = await groupsCollection(this.readModels, GROUP_MEMBERSHIPS);
    const filter = { $and: [{ groupId, status }, afterPageCursor('since', 1, query.cursor)] };
    const found = await this.readModels.documents.find<MembershipDocument>(collection, filter, {
      sort: { since: 1, _id: 1 },
      limit: limit + 1,
    });
    const { page, nextCursor } = pageOf(found, limit, 'since');
    return { items: page.map(memberView), nextCursor, position };
  }
}
