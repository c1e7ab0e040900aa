import { DomainEvent } from '../../platform/domain/decider';
import { NotificationChannel, NotificationKind, PushKeys, QuietHours } from './preferences';

// Type strings and fields are a stored contract. Every event names its person (sealed with their key).

export type NotificationRead = DomainEvent<
  'NotificationRead',
  { personId: string; notificationId: string; readAt: string }
>;

/** Every notification of the person up to this log position (inclusive) is read. */
export type NotificationsRead = DomainEvent<
  'NotificationsRead',
  { personId: string; upTo: string; readAt: string }
>;

export type NotificationPreferencesSet = DomainEvent<
  'NotificationPreferencesSet',
  {
    personId: string;
    channels: Record<NotificationKind, NotificationChannel[]>;
    quietHours: QuietHours | null;
    regionCode: string | null;
    setAt: string;
  }
>;

/** A browser's Web Push subscription; the same endpoint added again replaces its keys. */
export type PushSubscriptionAdded = DomainEvent<
  'PushSubscriptionAdded',
  { personId: string; subscriptionId: string; endpoint: string; keys: PushKeys; addedAt: string }
>;

export type PushSubscriptionRemoved = DomainEvent<
  'PushSubscriptionRemoved',
  { personId: string; subscriptionId: string; removedAt: string }
>;

export type NotificationInboxEvent =
  | NotificationRead
  | NotificationsRead
  | NotificationPreferencesSet
  | PushSubscriptionAdded
  | PushSubscriptionRemoved;
