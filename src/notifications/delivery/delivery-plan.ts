import { deriveId } from '../../platform/ids';
import { quietUntil } from '../domain/quiet-hours';
import {
  NotificationChannel,
  NotificationPreferences,
  timeZoneOf,
  withEveryKind,
} from '../domain/preferences';
import { NotificationDocument, personKey } from '../read-models/notification.document';
import { DeliveryRecord } from './delivery-record';
import { notificationMessage } from './notification-message';

/** One message per (notification, channel): derived, so planning the same notification again finds it. */
export const messageIdOf = (notificationId: string, channel: NotificationChannel): string =>
  deriveId('notification-message', notificationId, channel);

export interface PlanContext {
  readonly now: Date;
  readonly preferences: NotificationPreferences;
  /** Messages already recorded for this person per channel within the digest window (a flood in the making). */
  readonly recent: (channel: NotificationChannel) => number;
  readonly digestThreshold: number;
  readonly digestWindowMs: number;
}

/**
 * The messages a notification becomes: one per channel the person chose for its kind. Each is due now, or when the
 * person's quiet hours end; one that would exceed the digest threshold within the window waits for the window's end,
 * when it goes out in a digest with the others that waited.
 */
export function planDeliveries(notification: NotificationDocument, context: PlanContext): DeliveryRecord[] {
  const { now, preferences } = context;
  const quiet = quietUntil(now, preferences.quietHours, timeZoneOf(preferences));
  const { subject, text, link } = notificationMessage(notification);
  return withEveryKind(preferences).channels[notification.kind].map((channel) => {
    const flooding = context.recent(channel) >= context.digestThreshold;
    const held = Math.max(quiet?.getTime() ?? 0, flooding ? now.getTime() + context.digestWindowMs : 0);
    return {
      _id: messageIdOf(notification._id, channel),
      personKey: personKey(notification.personId),
      channel,
      kind: notification.kind,
      notificationIds: [notification._id],
      subject,
      text,
      link,
      status: 'pending',
      createdAt: now.toISOString(),
      dueAt: new Date(Math.max(now.getTime(), held)).toISOString(),
      attempts: 0,
      digestId: null,
      sentAt: null,
      lastError: null,
      version: 1,
    };
  });
}
