import { Command, Decider, DomainEvent } from '../domain/decider';
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
import { extendFold, StreamFold, StreamFolds } from './stream-folds';

const PAGE = 1_000;

/** Checks a whole stream (read from revision 0), or the events after a verified head, against digests and links. */
function verifyStream(
  stream: string,
  recorded: readonly RecordedEvent[],
  after?: { revision: number; hash: string },
): void {
  const broken = findChainBreak(recorded, after);
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
    private readonly folds: StreamFolds = new StreamFolds(),
  ) {}

  /**
   * The stream folded by `decider`, with the commands processed in it. A stream folded before is read only after
   * the head that fold verified, and the new events must chain onto it; a stream whose integrity failed, or one of
   * whose people was erased since, is read and verified whole again.
   */
  async fold<E extends DomainEvent, S>(
    stream: string,
    decider: Decider<Command, E, S>,
  ): Promise<StreamFold<S>> {
    const cached = this.folds.get(stream, decider as Decider<Command, DomainEvent, S>);
    const usable =
      cached?.head &&
      !this.integrity.hasStreamFailed(stream) &&
      !(await this.sealer.anyErased([...cached.keyIds]));
    const fold = usable
      ? extendFold(decider, await this.readAfter<E>(stream, cached.head!), cached)
      : extendFold(decider, await this.read<E>(stream));
    this.folds.keep(stream, decider as Decider<Command, DomainEvent, S>, fold);
    return fold;
  }

  /** Drops a stream's kept fold: its next fold reads and verifies the whole stream. */
  forgetFold(stream: string): void {
    this.folds.forget(stream);
  }

  /** The events after a head already verified, checked to chain onto it. */
  private async readAfter<E extends DomainEvent>(
    stream: string,
    head: { revision: number; hash: string },
  ): Promise<OpenedEvent<E>[]> {
    const recorded = await this.store.readStream(stream, { fromRevision: head.revision + 1 });
    try {
      verifyStream(stream, recorded, head);
      return await this.sealer.openAll<E>(recorded);
    } catch (error) {
      this.folds.forget(stream);
      if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
        this.integrity.streamFailed(error);
      throw error;
    }
  }

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
