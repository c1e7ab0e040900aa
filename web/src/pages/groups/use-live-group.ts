import { useEffect, useState } from 'preact/hooks';
import { LiveConnection, LiveStatus } from '../../live/live-connection';
import { laterPosition } from './use-group-reads';

/**
 * The position a group page reads at: moved by the page's own commands and, for insiders (who may follow
 * `group:<id>`), by every live change, so members, drafts, reports and the feed are read again at once.
 */
export function useLiveGroup(groupId: string, initial: string, insider: boolean) {
  const [position, setPosition] = useState(initial);
  const [status, setStatus] = useState<LiveStatus | undefined>();
  const moveTo = (next: string | null | undefined) => setPosition((current) => laterPosition(current, next));

  useEffect(() => {
    if (!insider) return setStatus(undefined);
    const live = new LiveConnection();
    const stopStatus = live.onStatus(setStatus);
    const unfollow = live.follow(`group:${groupId}`, position, {
      onChange: (change) => moveTo(change.position),
      onRefetch: moveTo,
    });
    return () => {
      unfollow();
      stopStatus();
      live.close();
    };
  }, [groupId, insider]);

  return { position, status, moveTo };
}
