import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/http';
import { AspirationDetail, ThreadDetail, ThreadMessage } from '../../api/types';
import { LiveChange, LiveConnection, LiveStatus } from '../../live/live-connection';

interface ThreadChange {
  readonly thread: Partial<ThreadDetail>;
  readonly message?: ThreadMessage;
}

/** Adds a pushed message unless the thread has it already: a message appears once, whatever arrives twice. */
export function withMessage(thread: ThreadDetail, message: ThreadMessage | undefined): ThreadDetail {
  if (!message || thread.messages.some((m) => m.messageId === message.messageId)) return thread;
  return { ...thread, messages: [...thread.messages, message] };
}

/**
 * Keeps a thread current while the page is open: pushed messages show at once, and the thread is read again at
 * the pushed position (one read at a time) for the rest, such as the timeline.
 */
export function useLiveThread(initial: AspirationDetail, onGone: () => void) {
  const [thread, setThread] = useState(initial.aspiration);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const wanted = useRef<string | undefined>(undefined);
  const reading = useRef(false);

  useEffect(() => setThread(initial.aspiration), [initial]);

  useEffect(() => {
    const id = initial.aspiration.id;
    const readAt = async (position: string) => {
      wanted.current = position;
      if (reading.current) return;
      reading.current = true;
      try {
        while (wanted.current !== undefined) {
          const at = wanted.current;
          wanted.current = undefined;
          const fresh = await api<AspirationDetail>(`/api/aspirations/${id}?minPosition=${at}`);
          setThread((current) => current.messages.reduce(withMessage, fresh.aspiration));
        }
      } catch {
        // The next change or reconnect reads again.
      } finally {
        reading.current = false;
      }
    };
    const live = new LiveConnection();
    const stopStatus = live.onStatus(setStatus);
    const unfollow = live.follow(`aspiration:${id}`, initial.position, {
      onChange: (change: LiveChange) => {
        const { message } = change.payload as ThreadChange;
        setThread((current) => withMessage(current, message));
        void readAt(change.position);
      },
      onRefetch: (position) => void readAt(position),
      onRefused: onGone,
    });
    return () => {
      unfollow();
      stopStatus();
      live.close();
    };
  }, [initial]);

  return { thread, status, setThread };
}
