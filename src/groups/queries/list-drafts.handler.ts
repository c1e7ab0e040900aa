import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';
import { personKey } from '../../notifications/read-models/notification.document';
import { Actor } from '../../platform/domain/decider';
import { ReadModels } from '../../platform/read-models/read-models';
import { isInsider } from '../group-access';
import { groupErrors } from '../domain/group.errors';
import { DraftDocument, GROUP_DRAFTS } from '../read-models/group.document';
import { draftView } from '../read-models/group-views';
import { groupsCollection, groupsPosition, visibleGroup } from './group-read';
import { afterPageCursor, DEFAULT_LIMIT, pageOf } from './page-cursor';

export interface DraftPage {
  readonly items: Array<ReturnType<typeof draftView>>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/** The group's drafts, newest first, for its insiders: whether the caller drafted or signed each, and the count. */
export class ListDrafts extends Query<DraftPage> {
  constructor(
    readonly groupId: string,
    readonly viewer: Actor,
    readonly page: PageDto,
  ) {
    super();
  }
}

@QueryHandler(ListDrafts)
export class ListDraftsHandler implements IQueryHandler<ListDrafts> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ groupId, viewer, page: query }: ListDrafts): Promise<DraftPage> {
    const position = await groupsPosition(this.readModels, query.minPosition);
    const { standing } = await visibleGroup(this.readModels, groupId, viewer);
    if (!isInsider(standing)) throw groupErrors.membersOnly('read its drafts');
    const limit = query.limit ?? DEFAULT_LIMIT;
    const collection = await groupsCollection(this.readModels, GROUP_DRAFTS);
    const found = await this.readModels.documents.find<DraftDocument>(
      collection,
      { $and: [{ groupId }, afterPageCursor('startedAt', -1, query.cursor)] },
      { sort: { startedAt: -1, _id: -1 }, limit: limit + 1 },
    );
    const { page, nextCursor } = pageOf(found, limit, 'startedAt');
    const you = { id: viewer.id, key: personKey(viewer.id) };
    return { items: page.map((draft) => draftView(draft, you)), nextCursor, position };
  }
}
