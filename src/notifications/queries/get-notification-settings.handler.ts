import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { parsePosition, positionToString } from '../../platform/event-store/stored-event';
import { ReadModels } from '../../platform/read-models/read-models';
import {
  DEFAULT_PREFERENCES,
  NotificationPreferences,
  timeZoneOf,
  withEveryKind,
} from '../domain/preferences';
import {
  NOTIFICATIONS_PROJECTION,
  NOTIFIED_PEOPLE,
  NotifiedPersonDocument,
  personKey,
} from '../read-models/notification.document';

/** The person's preferences (the defaults until they choose) and their browsers receiving Web Push. */
export class GetNotificationSettings extends Query<NotificationSettings> {
  constructor(
    readonly personId: string,
    readonly minPosition: string | undefined,
  ) {
    super();
  }
}

export interface NotificationSettings {
  readonly preferences: NotificationPreferences & { readonly timeZone: string; readonly chosen: boolean };
  readonly pushSubscriptions: ReadonlyArray<{ id: string; endpoint: string; addedAt: string }>;
  readonly position: string;
}

/** The settings document of a person, as the delivery worker reads it too. */
export async function notifiedPerson(
  readModels: ReadModels,
  personId: string,
): Promise<NotifiedPersonDocument | undefined> {
  const collection = await readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFIED_PEOPLE);
  return readModels.documents.findOne<NotifiedPersonDocument>(collection, { _id: personKey(personId) });
}

@QueryHandler(GetNotificationSettings)
export class GetNotificationSettingsHandler implements IQueryHandler<GetNotificationSettings> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ personId, minPosition }: GetNotificationSettings): Promise<NotificationSettings> {
    const wanted = minPosition === undefined ? undefined : parsePosition(minPosition);
    const position = await this.readModels.reached(NOTIFICATIONS_PROJECTION, wanted);
    const person = await notifiedPerson(this.readModels, personId);
    const preferences = withEveryKind(person?.preferences ?? DEFAULT_PREFERENCES);
    return {
      preferences: { ...preferences, timeZone: timeZoneOf(preferences), chosen: !!person?.preferences },
      pushSubscriptions: (person?.pushSubscriptions ?? []).map(({ id, endpoint, addedAt }) => ({
        id,
        endpoint,
        addedAt,
      })),
      position: positionToString(position),
    };
  }
}
