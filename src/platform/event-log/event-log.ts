import { DomainEvent } from '../domain/decider';
import { findChainBreak } from '../event-store/event-hash';
import { EventStore } from '../event-store/event-store.port';
import { AppendResult, ExpectedRevision, RecordedEvent } from '../event-store/stored-event';
import {
  IntegrityFailureError,
  isStorageFull,
  KeyMissingError,
  StorageFullError,
} from '../integrity/integrity-errors';
import { IntegrityMonitor } from '../integrity/integrity-monitor';
import { eventIdFor } from './event-id';
import { EventMetadata } from './event-metadata';
import { EventSealer, OpenedEvent } from './event-sealer';

const PAGE = 1_000;

/** Checks a whole stream (read from revision 0) against its digests and chain links. */
function verifyStream(stream: string, recorded: readonly RecordedEvent[]): void {
  const broken = findChainBreak(recorded);
  if (!broken) return;
  const event = recorded.find((e) => e.id === broken.eventId)!;
  throw new IntegrityFailureError({
    stream,
    position: event.position,
    revision: broken.revision,
    reason: broken.reason,
  });
}

/**
 * The event store as the domain uses it: domain events in, verified and opened (decrypted) events out. Every read
 * checks the stream's chain, so folding (commands) and history never use an edited or damaged event.
 */
export class EventLog {
  constructor(
    readonly store: EventStore,
    readonly sealer: EventSealer,
    readonly integrity: IntegrityMonitor = new IntegrityMonitor(),
  ) {}

  /**
   * A stream, or its first events while `within` holds: a prefix's chain verifies on its own, so the events after it
   * are neither verified nor opened (time travel reads a long stream only up to the moment asked for).
   */
  async read<E extends DomainEvent>(
    stream: string,
    within?: (event: RecordedEvent) => boolean,
  ): Promise<OpenedEvent<E>[]> {
    const recorded = await this.readWhile(stream, within);
    try {
      verifyStream(stream, recorded);
      const opened = await this.sealer.openAll<E>(recorded);
      // Only a whole stream read clears a failure: a prefix says nothing of the events after it.
      if (!within) this.integrity.streamVerified(stream);
      return opened;
    } catch (error) {
      if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
        this.integrity.streamFailed(error);
      throw error;
    }
  }

  /** The stream's first events while `within` holds, read a page at a time so a long stream's tail stays unread. */
  private async readWhile(
    stream: string,
    within?: (event: RecordedEvent) => boolean,
  ): Promise<RecordedEvent[]> {
    if (!within) return this.store.readStream(stream);
    const recorded: RecordedEvent[] = [];
    for (;;) {
      const fromRevision = recorded.length === 0 ? 0 : recorded[recorded.length - 1].revision + 1;
      const page = await this.store.readStream(stream, { fromRevision, maxCount: PAGE });
      const end = page.findIndex((event) => !within(event));
      recorded.push(...(end === -1 ? page : page.slice(0, end)));
      if (end !== -1 || page.length < PAGE) return recorded;
    }
  }

  /** Event ids derive from the command and its request digest: a blind retry carries the same ids. */
  async append(
    stream: string,
    events: readonly DomainEvent[],
    expected: ExpectedRevision,
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    try {
      const sealed = await Promise.all(
        events.map((event, i) => this.sealer.seal(eventIdFor(metadata, stream, i), event, metadata)),
      );
      const appended = await this.store.append(stream, sealed, expected);
      this.integrity.storageWritable();
      return appended;
    } catch (error) {
      if (!isStorageFull(error)) throw error;
      this.integrity.storageFull(error);
      throw new StorageFullError(error);
    }
  }
}
