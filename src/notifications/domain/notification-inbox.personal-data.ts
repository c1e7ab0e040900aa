import { PersonalDataPolicy, PersonalField } from '../../platform/domain/personal-data';
import { NotificationInboxEvent } from './notification-inbox.events';

// The person, their browsers' endpoints and keys, and their home region are theirs; kinds, times and channels are not.
const sealed: Record<NotificationInboxEvent['type'], string[]> = {
  NotificationRead: ['personId'],
  NotificationsRead: ['personId'],
  NotificationPreferencesSet: ['personId', 'regionCode'],
  PushSubscriptionAdded: ['personId', 'endpoint', 'keys'],
  PushSubscriptionRemoved: ['personId'],
};

export const notificationInboxPersonalData: PersonalDataPolicy = (event) => {
  if (!Object.hasOwn(sealed, event.type)) return [];
  const subject = (event.data as { personId: string }).personId;
  return sealed[event.type as keyof typeof sealed].map((field): PersonalField => ({ field, subject }));
};
