import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { storedPosition } from '../../platform/document-store/positions';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { RequestValidationError } from '../../platform/http/request-validation.error';
import { ReadModels } from '../../platform/read-models/read-models';
import { ListNotificationsDto } from '../dto/notifications.dto';
import {
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
  ME_TOPIC,
} from '../read-models/notification.document';
import { notificationView, NotificationView } from '../read-models/notification-views';

const DEFAULT_LIMIT = 20;

export interface NotificationPage {
  readonly items: NotificationView[];
  /** Unread notifications in all, whatever the page. */
  readonly unread: number;
  readonly nextCursor: string | null;
  /** The live topic these notifications are pushed on (`me`): each person hears only their own there. */
  readonly topic: string;
  readonly position: string;
}

/** A person's notifications, newest first; a page ends at a position and the next starts below it. */
export class ListNotifications extends Query<NotificationPage> {
  constructor(
    readonly personId: string,
    readonly query: ListNotificationsDto,
  ) {
    super();
  }
}

const cursorFilter = (cursor: string | undefined) => {
  if (cursor === undefined) return {};
  const before = parsePosition(cursor);
  if (before === undefined)
    throw new RequestValidationError([
      { field: 'cursor', message: 'cursor must be a nextCursor of this list' },
    ]);
  return { position: { $lt: storedPosition(before) } };
};

@QueryHandler(ListNotifications)
export class ListNotificationsHandler implements IQueryHandler<ListNotifications> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ personId, query }: ListNotifications): Promise<NotificationPage> {
    const minPosition = query.minPosition === undefined ? undefined : parsePosition(query.minPosition);
    const position = await this.readModels.reached(NOTIFICATIONS_PROJECTION, minPosition);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    const mine = { personId, ...(query.unread === 'true' && { read: false }) };
    const { documents } = this.readModels;
    const found = await documents.find<NotificationDocument>(
      collection,
      { ...mine, ...cursorFilter(query.cursor) },
      { sort: { position: -1, _id: -1 }, limit: limit + 1 },
    );
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(notificationView),
      unread: await documents.count(collection, { personId, read: false }),
      nextCursor: found.length > limit && last ? positionToString(BigInt(last.position)) : null,
      topic: ME_TOPIC,
      position: positionToString(position),
    };
  }
}
