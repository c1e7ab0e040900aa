import { NotificationItem, PersonChange, ReadMark } from '../api/notification-types';

/** Positions are decimal strings of any length: compared as big integers, never as text or floats. */
const newestFirst = (a: NotificationItem, b: NotificationItem): number => {
  const [x, y] = [BigInt(a.position), BigInt(b.position)];
  return x === y ? 0 : x > y ? -1 : 1;
};

/** Whether a read mark covers this notification: it by id, or everything up to a position. */
export const isMarked = (item: NotificationItem, read: ReadMark): boolean =>
  'notificationId' in read ? item.id === read.notificationId : BigInt(item.position) <= BigInt(read.upTo);

/**
 * The list after one change on `me`: a new notification once, in its place (newest first), or a read mark applied.
 * A change the list already reflects changes nothing, so a change may arrive before or after the read that has it.
 */
export function withPersonChange(
  items: readonly NotificationItem[],
  change: PersonChange,
): readonly NotificationItem[] {
  if (!('notification' in change)) return withReadMark(items, change.read);
  if (items.some((item) => item.id === change.notification.id)) return items;
  return [...items, change.notification].sort(newestFirst);
}

/** The list with a read mark applied; the same list when it covers nothing unread. */
export function withReadMark(
  items: readonly NotificationItem[],
  read: ReadMark,
): readonly NotificationItem[] {
  if (!items.some((item) => !item.read && isMarked(item, read))) return items;
  return items.map((item) => (!item.read && isMarked(item, read) ? { ...item, read: true } : item));
}

/** The unread count and the log position it reflects. */
export interface UnreadCount {
  readonly unread: number;
  readonly position: bigint;
}

/** The count after a live change at `position`; a change the count already reflects changes nothing. */
export function unreadAfter(count: UnreadCount, change: PersonChange, position: string): UnreadCount {
  const at = BigInt(position);
  if (at <= count.position) return count;
  if ('notification' in change)
    return { unread: count.unread + (change.notification.read ? 0 : 1), position: at };
  return { unread: change.unread, position: at };
}

/** A count read from the list at `position`: it replaces the one shown unless that one is newer. */
export function unreadRead(count: UnreadCount | undefined, unread: number, position: string): UnreadCount {
  const at = BigInt(position);
  return count !== undefined && count.position > at ? count : { unread, position: at };
}
