import { Doc } from '../../platform/document-store/document-store.port';
import { NotificationChannel, NotificationKind } from '../domain/preferences';

/**
 * The delivery outbox: one record per message to send, written before it is sent. Not a read model (nothing rebuilds
 * it, so a rebuild never sends anything twice), in its own collection of the document store.
 */
export const DELIVERIES = 'notificationDeliveries';
/** How far in the change log the worker has turned notifications into records. */
export const DELIVERY_CURSOR = 'notification-delivery';
export const DELIVERY_LEASE = 'notification-delivery';

/**
 * pending: to send at dueAt; digested: folded into the digest `digestId`; sent; failed: given up after the attempts
 * allowed, or refused for good; skipped: nowhere to send it (no login of that kind, no browser subscribed).
 */
export type DeliveryStatus = 'pending' | 'digested' | 'sent' | 'failed' | 'skipped';

export interface DeliveryRecord extends Doc {
  /** The message id, stable across attempts: the SMTP Message-ID, the webhook's Idempotency-Key, the push Topic. */
  readonly _id: string;
  /** The person's key (a digest), never their id: the id is looked up from the notification when sending. */
  readonly personKey: string;
  readonly channel: NotificationChannel;
  readonly kind: NotificationKind | 'digest';
  readonly notificationIds: readonly string[];
  /** What is sent, fixed when the record is written: a resend is the same message. */
  readonly subject: string;
  readonly text: string;
  readonly link: string | null;
  readonly status: DeliveryStatus;
  readonly createdAt: string;
  readonly dueAt: string;
  readonly attempts: number;
  readonly digestId: string | null;
  readonly sentAt: string | null;
  readonly lastError: string | null;
  /** Each write carries the next version as its position, so a replayed older write never wins. */
  readonly version: number;
}

/** The next version of a record with some fields changed. */
export const updated = (record: DeliveryRecord, change: Partial<DeliveryRecord>): DeliveryRecord => ({
  ...record,
  ...change,
  version: record.version + 1,
});
