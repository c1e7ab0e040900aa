import { useEffect, useRef, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { ThreadPage, ThreadSummary } from '../../api/types';
import { LiveConnection, LiveStatus } from '../../live/live-connection';
import { problemOf } from '../../ui/problem';
import { byDue, withChange } from './inbox-order';

const PAGE = 100;

/** An agency's inbox, kept current from the live topic agency:<id> while the page is open. */
export function useLiveInbox(agencyId: string) {
  const [items, setItems] = useState<ThreadSummary[] | undefined>();
  const [more, setMore] = useState(false);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [arrived, setArrived] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  // The items as last shown, so a change is applied to them outside of a state updater.
  const shown = useRef<ThreadSummary[]>([]);
  const show = (next: ThreadSummary[]) => {
    shown.current = next;
    setItems(next);
  };

  useEffect(() => {
    let open = true;
    let live: LiveConnection | undefined;
    const path = `/api/agencies/${encodeURIComponent(agencyId)}/inbox?limit=${PAGE}`;
    const read = async (minPosition?: string) => {
      const at = minPosition ? `${path}&minPosition=${minPosition}` : readPath(path);
      const page = await api<ThreadPage>(at);
      if (!open) return page;
      show([...page.items].sort(byDue));
      setMore(page.nextCursor !== null);
      return page;
    };
    shown.current = [];
    setItems(undefined);
    setProblem(undefined);
    read()
      .then((page) => {
        if (!open) return;
        live = new LiveConnection();
        live.onStatus(setStatus);
        live.follow(`agency:${agencyId}`, page.position, {
          onChange: (change) => {
            const { thread } = change.payload as { thread: ThreadSummary };
            const before = shown.current;
            const next = withChange(before, agencyId, thread);
            show(next);
            if (next.includes(thread) && !before.some((item) => item.id === thread.id)) {
              setArrived((seen) => new Set([...seen, thread.id]));
              setAnnouncement(thread.title);
            }
          },
          onRefetch: (position) => void read(position).catch(() => undefined),
          onRefused: (code) => setProblem({ status: 403, code }),
        });
      })
      .catch((error) => open && setProblem(problemOf(error)));
    return () => {
      open = false;
      live?.close();
    };
  }, [agencyId]);

  return { items, more, status, problem, arrived, announcement };
}
