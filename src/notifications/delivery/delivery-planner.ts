import { ChangeEntry, DocumentStore } from '../../platform/document-store/document-store.port';
import { ReadModels } from '../../platform/read-models/read-models';
import { DEFAULT_PREFERENCES, NotificationChannel } from '../domain/preferences';
import { notifiedPerson } from '../queries/get-notification-settings.handler';
import {
  ME_TOPIC,
  NOTIFICATIONS,
  NotificationDocument,
  NOTIFICATIONS_PROJECTION,
  personKey,
} from '../read-models/notification.document';
import { DeliveryRecord } from './delivery-record';
import { planDeliveries } from './delivery-plan';
import { DeliveryStore } from './delivery-store';
import { ErasedMeanwhile } from './erased-meanwhile';

const PAGE = 200;

export interface PlannerSettings {
  readonly digestThreshold: number;
  readonly digestWindowMs: number;
  readonly maxAgeMs: number;
}

/** The notification ids a `me` entry brings, new ones only (read marks bring none). */
const newNotifications = (entry: ChangeEntry): string[] =>
  Object.values(entry.payloads).flatMap((payload) => {
    const id = (payload as { notification?: { id?: unknown } } | null)?.notification?.id;
    return typeof id === 'string' ? [id] : [];
  });

/**
 * Turns new notifications into delivery records: it follows the `me` entries of the change log from its cursor, up to
 * what the notifications projection committed, and records every message with the cursor in one commit, before
 * anything is sent. Replaying a page after a crash finds its records and writes nothing twice.
 */
export class DeliveryPlanner {
  private readonly erasedMeanwhile: ErasedMeanwhile;

  constructor(
    private readonly documents: DocumentStore,
    private readonly readModels: ReadModels,
    private readonly store: DeliveryStore,
    private readonly settings: PlannerSettings,
  ) {
    this.erasedMeanwhile = new ErasedMeanwhile(readModels, store);
  }

  /** One page; true when there may be more. */
  async planNext(now: Date): Promise<boolean> {
    const cursor = await this.store.cursor();
    const committed = await this.readModels.position(NOTIFICATIONS_PROJECTION);
    const page = await this.documents.readChanges({ after: cursor, topics: [ME_TOPIC], limit: PAGE });
    const entries = page.filter((entry) => entry.position <= committed);
    if (entries.length === 0) return false;
    const notifications = await this.notifications(entries.flatMap(newNotifications), now);
    const records = await this.recordsFor(notifications, now);
    await this.store.save(records, entries[entries.length - 1].position);
    await this.erasedMeanwhile.forgetAfterSaving(records);
    return entries.length === page.length && page.length === PAGE;
  }

  /** The notifications to deliver; gone: the person was erased since; too old: the worker was down long. */
  private async notifications(ids: readonly string[], now: Date): Promise<NotificationDocument[]> {
    if (ids.length === 0) return [];
    const collection = await this.readModels.collection(NOTIFICATIONS_PROJECTION, NOTIFICATIONS);
    const oldest = now.getTime() - this.settings.maxAgeMs;
    const found = await this.documents.find<NotificationDocument>(collection, { _id: { $in: [...ids] } });
    return found.filter((n) => Date.parse(n.at) >= oldest);
  }

  private async recordsFor(
    notifications: readonly NotificationDocument[],
    now: Date,
  ): Promise<DeliveryRecord[]> {
    const planned: DeliveryRecord[] = [];
    for (const notification of notifications) planned.push(...(await this.plan(notification, planned, now)));
    const known = await this.store.existing(planned.map((record) => record._id));
    return planned.filter((record) => !known.has(record._id));
  }

  private async plan(notification: NotificationDocument, planned: readonly DeliveryRecord[], now: Date) {
    const { personId } = notification;
    const key = personKey(personId);
    const person = await notifiedPerson(this.readModels, personId);
    const windowStart = new Date(now.getTime() - this.settings.digestWindowMs);
    const stored = new Map<NotificationChannel, number>();
    for (const channel of ['email', 'sms', 'push'] as const)
      stored.set(channel, await this.store.recent(key, channel, windowStart));
    return planDeliveries(notification, {
      now,
      preferences: person?.preferences ?? DEFAULT_PREFERENCES,
      recent: (channel) =>
        stored.get(channel)! + planned.filter((r) => r.personKey === key && r.channel === channel).length,
      digestThreshold: this.settings.digestThreshold,
      digestWindowMs: this.settings.digestWindowMs,
    });
  }
}
