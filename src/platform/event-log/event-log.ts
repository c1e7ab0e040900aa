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

  async read<E extends DomainEvent>(stream: string): Promise<OpenedEvent<E>[]> {
    const recorded = await this.store.readStream(stream);
    try {
      verifyStream(stream, recorded);
      const opened = await Promise.all(recorded.map((event) => this.sealer.open<E>(event)));
      this.integrity.streamVerified(stream);
      return opened;
    } catch (error) {
      if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
        this.integrity.streamFailed(error);
      throw error;
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
