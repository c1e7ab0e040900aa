import { HistoryEntry } from '../../api/staff-types';

/** Where the chain shown breaks: an event whose previous hash is not the hash of the event before it. */
export function firstBrokenLink(events: readonly HistoryEntry[]): HistoryEntry | undefined {
  return events.find((event, i) =>
    i === 0
      ? event.previousHash !== null || event.revision !== 0
      : event.previousHash !== events[i - 1].hash || event.revision !== events[i - 1].revision + 1,
  );
}

/** The first characters of a SHA-256: enough to match links by eye; the full hash is one click away. */
export const shortHash = (hash: string): string => hash.slice(0, 12);
