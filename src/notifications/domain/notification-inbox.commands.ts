import { Command } from '../../platform/domain/decider';
import { NotificationPreferences, PushKeys } from './preferences';

// The person is the command's actor: every one of these acts on the caller's own inbox.

export type MarkNotificationRead = Command<'MarkNotificationRead', { notificationId: string }>;

export type MarkNotificationsRead = Command<'MarkNotificationsRead', { upTo: string }>;

export type SetNotificationPreferences = Command<
  'SetNotificationPreferences',
  { preferences: NotificationPreferences }
>;

/** `subscriptionId` derives from (person, endpoint), so the same browser subscribing again replaces itself. */
export type AddPushSubscription = Command<
  'AddPushSubscription',
  { subscriptionId: string; endpoint: string; keys: PushKeys }
>;

export type RemovePushSubscription = Command<'RemovePushSubscription', { subscriptionId: string }>;

export type NotificationInboxCommand =
  | MarkNotificationRead
  | MarkNotificationsRead
  | SetNotificationPreferences
  | AddPushSubscription
  | RemovePushSubscription;
