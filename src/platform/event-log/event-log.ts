import { DomainEvent } from '../domain/decider';
import { EventStore } from '../event-store/event-store.port';
import { AppendResult, ExpectedRevision } from '../event-store/stored-event';
import { deriveId } from '../ids';
import { EventMetadata } from './event-metadata';
import { EventSealer, OpenedEvent } from './event-sealer';

/** The event store as the domain uses it: domain events in, opened (decrypted) events out. */
export class EventLog {
  constructor(
    readonly store: EventStore,
    readonly sealer: EventSealer,
  ) {}

  async read<E extends DomainEvent>(stream: string): Promise<OpenedEvent<E>[]> {
    const recorded = await this.store.readStream(stream);
    return Promise.all(recorded.map((event) => this.sealer.open<E>(event)));
  }

  /** Event ids derive from the command, so a blind retry of the same append carries the same ids. */
  async append(
    stream: string,
    events: readonly DomainEvent[],
    expected: ExpectedRevision,
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    const sealed = await Promise.all(
      events.map((event, i) =>
        this.sealer.seal(deriveId('event', metadata.commandId, stream, String(i)), event, metadata),
      ),
    );
    return this.store.append(stream, sealed, expected);
  }
}
