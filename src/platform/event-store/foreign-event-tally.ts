import { ForeignEvents } from './event-store.port';

/** Enough to count each foreign record once across resubscriptions and re-reads, in bounded memory. */
const REMEMBERED = 10_000;

type ForeignEvent = NonNullable<ForeignEvents['last']>;

/**
 * Counts the distinct records readers skipped because they are not Suara Warga envelopes (another application
 * writing to the same database). A record is known by its log position; one forgotten (past the last 10,000) and
 * met again counts again.
 */
export class ForeignEventTally {
  private readonly seen = new Set<bigint>();
  private count = 0;
  private last: ForeignEvent | undefined;

  record(event: ForeignEvent): void {
    this.last = event;
    if (this.seen.has(event.position)) return;
    this.count++;
    this.seen.add(event.position);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
  }

  snapshot(): ForeignEvents {
    return this.last ? { count: this.count, last: this.last } : { count: this.count };
  }
}
