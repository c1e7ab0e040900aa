import { useEffect, useRef, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { NotificationItem, NotificationPage, PersonChange, ReadMark } from '../../api/notification-types';
import { myNotifications } from '../../live/my-notifications';
import { withPersonChange, withReadMark } from '../../live/person-changes';
import { problemOf } from '../../ui/problem';

const PAGE = 20;

/**
 * The person's notifications, newest first, page by page; new ones and read marks arrive live from `me` and apply
 * once, whether they come before or after the read that already has them.
 */
export function useNotificationList() {
  const [items, setItems] = useState<readonly NotificationItem[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  // Changes heard while the first page is still on its way: applied to it when it comes.
  const early = useRef<PersonChange[]>([]);
  const shown = useRef<readonly NotificationItem[] | undefined>(undefined);
  const show = (list: readonly NotificationItem[]) => {
    shown.current = list;
    setItems(list);
  };
  const apply = (change: PersonChange) => {
    if (shown.current === undefined) early.current.push(change);
    else show(withPersonChange(shown.current, change));
  };

  const load = async (cursor: string | null, minPosition?: string) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (cursor) query.set('cursor', cursor);
    if (minPosition) query.set('minPosition', minPosition);
    try {
      const page = await api<NotificationPage>(readPath(`/api/me/notifications?${query}`));
      const before = cursor ? (shown.current ?? []) : [];
      show(early.current.reduce(withPersonChange, [...before, ...page.items]));
      early.current = [];
      setNext(page.nextCursor);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  useEffect(() => {
    const stop = myNotifications.onChange({
      onChange: apply,
      onRefetch: (position) => void load(null, position),
    });
    void load(null);
    return stop;
  }, []);

  /** Sends a read mark, then shows it at once (the live change, when it comes, changes nothing more). */
  const mark = async (read: ReadMark) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ('upTo' in read
        ? myNotifications.markAllRead(read.upTo)
        : myNotifications.markRead(read.notificationId));
      if (shown.current) show(withReadMark(shown.current, read));
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
