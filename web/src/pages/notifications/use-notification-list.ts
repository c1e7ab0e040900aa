import { useEffect, useRef, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { NotificationItem, NotificationPage, ReadMark } from '../../api/notification-types';
import { myNotifications } from '../../live/my-notifications';
import { withPersonChange, withReadMark } from '../../live/person-changes';
import { problemOf } from '../../ui/problem';

const PAGE = 20;

/** One change to the list: a live change heard, or a read mark made here. */
type Step = (items: readonly NotificationItem[]) => readonly NotificationItem[];

/**
 * The person's notifications, newest first, page by page; new ones and read marks arrive live from `me` and apply
 * once, whether they come before or after the read that already has them.
 */
export function useNotificationList(actorId: string) {
  const [items, setItems] = useState<readonly NotificationItem[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const shown = useRef<readonly NotificationItem[] | undefined>(undefined);
  // What changed while a page was being read: applied again to what the read answers (applying twice is harmless).
  const heard = useRef<Step[]>([]);
  const reading = useRef(0);
  // The first page read last: an older read answering later is dropped, as it may miss what the newer one has.
  const latest = useRef(0);
  const show = (list: readonly NotificationItem[]) => {
    shown.current = list;
    setItems(list);
  };
  const apply = (step: Step) => {
    if (reading.current > 0) heard.current.push(step);
    if (shown.current) show(step(shown.current));
  };

  const load = async (cursor: string | null, minPosition?: string) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    if (minPosition) query.set('minPosition', minPosition);
    reading.current++;
    const first = cursor ? undefined : ++latest.current;
    try {
      const page = await api<NotificationPage>(readPath(`/api/me/notifications?${query}`));
      if (first !== undefined && first !== latest.current) return;
      const read: readonly NotificationItem[] = cursor
        ? [...(shown.current ?? []), ...page.items]
        : page.items;
      show(heard.current.reduce<readonly NotificationItem[]>((list, step) => step(list), read));
      setNext(page.nextCursor);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      if (--reading.current === 0) heard.current = [];
    }
  };

  useEffect(() => {
    const stop = myNotifications.onChange({
      onChange: (change) => apply((list) => withPersonChange(list, change)),
      // Also when the live connection starts after this read: the list is read again from where it follows.
      onRefetch: (position) => void load(null, position),
    });
    void load(null);
    // This page need not wait for the header's start after the page load.
    myNotifications.follow(actorId);
    return stop;
  }, [actorId]);

  /** Sends a read mark, then shows it at once (the live change, when it comes, changes nothing more). */
  const mark = async (read: ReadMark) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ('upTo' in read
        ? myNotifications.markAllRead(read.upTo)
        : myNotifications.markRead(read.notificationId));
      apply((list) => withReadMark(list, read));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const markRead = (item: NotificationItem) => void mark({ notificationId: item.id });
  // Everything shown, up to the newest: what arrives later stays unread.
  const markAllRead = () => shown.current?.[0] && void mark({ upTo: shown.current[0].position });

  return { items, next, problem, busy, more: () => void load(next), markRead, markAllRead };
}
