import { useEffect } from 'preact/hooks';
import { LiveConnection } from '../../live/live-connection';

/** A region code and every region above it: a region announcement is pushed on its own topic and those above. */
export const regionTopics = (code: string): string[] =>
  code.split('.').map((_, i, parts) => `region:${parts.slice(0, i + 1).join('.')}`);

/** Follows the topics while the page is open; any announcement change asks the page to read again at its position. */
export function useAnnouncementTopics(
  topics: readonly string[],
  since: string | undefined,
  reload: (at: string) => void,
) {
  const key = topics.join(' ');
  useEffect(() => {
    if (since === undefined || topics.length === 0) return;
    const live = new LiveConnection();
    const stops = topics.map((topic) =>
      live.follow(topic, since, {
        onChange: (change) => {
          if ((change.payload as { announcement?: unknown }).announcement) reload(change.position);
        },
        onRefetch: reload,
      }),
    );
    return () => {
      stops.forEach((stop) => stop());
      live.close();
    };
  }, [key, since === undefined]);
}
