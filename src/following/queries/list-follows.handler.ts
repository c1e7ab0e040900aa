import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  FOLLOWERS,
  FollowerDocument,
  NOTIFICATIONS_PROJECTION,
} from '../../notifications/read-models/notification.document';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import { decodeFollowCursor, encodeFollowCursor } from './follow-cursor';

const DEFAULT_LIMIT = 20;

export interface FollowPage {
  readonly items: ReadonlyArray<{ aspirationId: string; since: string; reason: FollowerDocument['reason'] }>;
  readonly nextCursor: string | null;
  readonly position: string;
}

/** The aspirations a person follows, the most recently followed first. */
export class ListFollows extends Query<FollowPage> {
  constructor(
    readonly personId: string,
    readonly page: { limit?: number; cursor?: string; minPosition?: string },
  ) {
    super();
  }
}

@QueryHandler(ListFollows)
export class ListFollowsHandler implements IQueryHandler<ListFollows> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ personId, page }: ListFollows): Promise<FollowPage> {
    const minPosition = page.minPosition === undefined ? undefined : parsePosition(page.minPosition);
    const position = await this.readModels.reached(NOTIFICATIONS_PROJECTION, minPosition);
    const limit = page.limit ?? DEFAULT_LIMIT;
    const after = page.cursor === undefined ? {} : decodeFollowCursor(page.cursor);
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, FOLLOWERS);
    const found = await this.readModels.documents.find<FollowerDocument>(
      collection,
      { $and: [{ personId, following: true }, after] },
      { sort: { since: -1, _id: 1 }, limit: limit + 1 },
    );
    const items = found
      .slice(0, limit)
      .map(({ aspirationId, since, reason }) => ({ aspirationId, since, reason }));
    const last = found[limit - 1];
    const nextCursor = found.length > limit && last ? encodeFollowCursor(last) : null;
    return { items, nextCursor, position: positionToString(position) };
  }
}
