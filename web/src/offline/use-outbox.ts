import { useEffect, useRef, useState } from 'preact/hooks';
import { OutboxEntry } from './outbox-entry';
import { Delivered, outbox } from './outbox';

/** The signed-in person's outbox and what it delivered during this visit; re-renders when either changes. */
export function useOutbox(): { entries: OutboxEntry[]; delivered: Delivered[] } {
  const read = () => ({ entries: outbox.entries(), delivered: outbox.delivered() });
  const [state, setState] = useState(read);
  useEffect(() => {
    setState(read());
    return outbox.subscribe(() => setState(read()));
  }, []);
  return state;
}

/** Calls `listener` for each entry the outbox delivers while the caller is mounted. */
export function useDelivered(listener: (delivered: Delivered) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => outbox.onDelivered((delivered) => latest.current(delivered)), []);
}

/** Whether the browser believes it has a network right now. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
