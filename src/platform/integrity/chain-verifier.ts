import { hashMatches } from '../event-store/event-hash';
import { EventStore } from '../event-store/event-store.port';
import { RecordedEvent } from '../event-store/stored-event';
import { IntegrityFailure, IntegrityFailureError } from './integrity-errors';

interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** Enough streams to cover any live working set; an evicted stream costs one predecessor read when it reappears. */
const DEFAULT_CAPACITY = 10_000;

/**
 * Checks events met in global order (a subscription, a rebuild): each event's own hash always, and its link to the
 * stream's previous event through a bounded map of stream → last seen (revision, hash). For the first event of a
 * stream whose predecessor it has not seen, it reads that predecessor once (one indexed read per stream) and checks
 * it too, rather than trusting the link.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, StreamHead>();

  constructor(
    private readonly events: EventStore,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** Index of the first event that fails (events before it are good), or undefined with its error. */
  async firstBreak(
    batch: readonly RecordedEvent[],
  ): Promise<{ index: number; error: IntegrityFailureError } | undefined> {
    for (const [index, event] of batch.entries()) {
      const broken = await this.check(event);
      if (broken) return { index, error: new IntegrityFailureError(broken) };
      this.remember(event.stream, { revision: event.revision, hash: event.hash });
    }
    return undefined;
  }

  private async check(event: RecordedEvent): Promise<IntegrityFailure | undefined> {
    const at = (e: RecordedEvent, reason: IntegrityFailure['reason']): IntegrityFailure => ({
      stream: e.stream,
      position: e.position,
      revision: e.revision,
      reason,
    });
    if (!hashMatches(event)) return at(event, 'hash_mismatch');
    if (event.revision === 0)
      return event.previousHash === null ? undefined : at(event, 'previous_hash_mismatch');
    let previous = this.heads.get(event.stream);
    if (previous?.revision !== event.revision - 1) {
      const [stored] = await this.events.readStream(event.stream, {
        fromRevision: event.revision - 1,
        maxCount: 1,
      });
      if (stored?.revision !== event.revision - 1) return at(event, 'revision_gap');
      if (!hashMatches(stored)) return at(stored, 'hash_mismatch');
      previous = stored;
    }
    return event.previousHash === previous.hash ? undefined : at(event, 'previous_hash_mismatch');
  }

  /** Most recently seen last, so the oldest entry is the one to evict. */
  private remember(stream: string, head: StreamHead): void {
    this.heads.delete(stream);
    this.heads.set(stream, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }
}
