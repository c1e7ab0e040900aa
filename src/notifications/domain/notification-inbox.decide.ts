import { isDeepStrictEqual } from 'node:util';
import { assertNever, CommandMetadata } from '../../platform/domain/decider';
import {
  AddPushSubscription,
  MarkNotificationRead,
  MarkNotificationsRead,
  NotificationInboxCommand,
  RemovePushSubscription,
  SetNotificationPreferences,
} from './notification-inbox.commands';
import { inboxErrors } from './notification-inbox.errors';
import { NotificationInboxEvent } from './notification-inbox.events';
import { NotificationInboxState } from './notification-inbox.state';
import { requirePushKeys, requirePushEndpoint, validPreferences } from './preferences.validation';

/** One person's browsers at most: each is a device the platform posts to. */
export const MAX_PUSH_SUBSCRIPTIONS = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POSITION = /^(0|[1-9][0-9]{0,38})$/;

export function decide(
  command: NotificationInboxCommand,
  state: NotificationInboxState,
): NotificationInboxEvent[] {
  const personId = requirePerson(command.metadata);
  const at = command.metadata.now.toISOString();
  switch (command.type) {
    case 'MarkNotificationRead':
      return markRead(command, personId, at);
    case 'MarkNotificationsRead':
      return markAllRead(command, state, personId, at);
    case 'SetNotificationPreferences':
      return setPreferences(command, state, personId, at);
    case 'AddPushSubscription':
      return addSubscription(command, state, personId, at);
    case 'RemovePushSubscription':
      return removeSubscription(command, state, personId, at);
    default:
      return assertNever(command);
  }
}

// Marking an id that names no notification of this person changes nothing in the read model: it is not refused,
// since which notifications exist is the read model's to know, never the write side's.
function markRead(
  { data }: MarkNotificationRead,
  personId: string,
  readAt: string,
): NotificationInboxEvent[] {
  if (!UUID.test(data.notificationId)) throw inboxErrors.invalidNotificationId();
  return [{ type: 'NotificationRead', data: { personId, notificationId: data.notificationId, readAt } }];
}

function markAllRead(
  { data }: MarkNotificationsRead,
  state: NotificationInboxState,
  personId: string,
  readAt: string,
): NotificationInboxEvent[] {
  if (!POSITION.test(data.upTo)) throw inboxErrors.invalidPosition();
  // Already read that far: nothing new to record.
  if (state.readUpTo !== null && BigInt(state.readUpTo) >= BigInt(data.upTo)) return [];
  return [{ type: 'NotificationsRead', data: { personId, upTo: data.upTo, readAt } }];
}

function setPreferences(
  { data }: SetNotificationPreferences,
  state: NotificationInboxState,
  personId: string,
  setAt: string,
): NotificationInboxEvent[] {
  const preferences = validPreferences(data.preferences);
  if (isDeepStrictEqual(preferences, state.preferences)) return [];
  const channels = Object.fromEntries(
    Object.entries(preferences.channels).map(([kind, list]) => [kind, [...list]]),
  ) as Extract<NotificationInboxEvent, { type: 'NotificationPreferencesSet' }>['data']['channels'];
  const { quietHours, regionCode } = preferences;
  return [
    { type: 'NotificationPreferencesSet', data: { personId, channels, quietHours, regionCode, setAt } },
  ];
}

function addSubscription(
  { data }: AddPushSubscription,
  state: NotificationInboxState,
  personId: string,
  addedAt: string,
): NotificationInboxEvent[] {
  requirePushEndpoint(data.endpoint);
  requirePushKeys(data.keys);
  const existing = state.subscriptions[data.subscriptionId];
  if (existing && isDeepStrictEqual(existing, { endpoint: data.endpoint, keys: data.keys })) return [];
  if (!existing && Object.keys(state.subscriptions).length >= MAX_PUSH_SUBSCRIPTIONS)
    throw inboxErrors.tooManySubscriptions(MAX_PUSH_SUBSCRIPTIONS);
  const { subscriptionId, endpoint } = data;
  const keys = { p256dh: data.keys.p256dh, auth: data.keys.auth };
  return [{ type: 'PushSubscriptionAdded', data: { personId, subscriptionId, endpoint, keys, addedAt } }];
}

function removeSubscription(
  { data }: RemovePushSubscription,
  state: NotificationInboxState,
  personId: string,
  removedAt: string,
): NotificationInboxEvent[] {
  if (!Object.hasOwn(state.subscriptions, data.subscriptionId)) throw inboxErrors.subscriptionNotFound();
  return [
    { type: 'PushSubscriptionRemoved', data: { personId, subscriptionId: data.subscriptionId, removedAt } },
  ];
}

function requirePerson({ actor }: CommandMetadata): string {
  if (actor.role === 'system') throw inboxErrors.peopleOnly();
  return actor.id;
}
