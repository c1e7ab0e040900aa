import { DocumentStore, DocumentWrite } from '../../src/platform/document-store/document-store.port';
import { EventStore } from '../../src/platform/event-store/event-store.port';
import { RecordedEvent } from '../../src/platform/event-store/stored-event';
import { physicalCollection } from '../../src/platform/read-models/generations';

/** Per generation: the last event each projection committed, by stream, revision and id (one document each). */
export const LAST_EVENTS = 'lastEvents';

interface LastEvent {
  readonly _id: string;
  readonly stream: string;
  readonly revision: number;
  readonly eventId: string;
}

/** Committed with every batch, so the checkpoint always names an event that can be looked up again. */
export const lastEventWrite = (
  checkpoint: string,
  generation: (collection: string) => string,
  event: RecordedEvent,
): DocumentWrite => ({
  collection: generation(LAST_EVENTS),
  position: event.position,
  document: { _id: checkpoint, stream: event.stream, revision: event.revision, eventId: event.id },
});

/**
 * True when the log no longer holds the last event the read model committed: the log was restored from an older
 * copy, even if new events have since pushed its head past the checkpoint. One document read, one indexed event read.
 */
export async function logLacksLastEvent(
  events: EventStore,
  documents: DocumentStore,
  checkpoint: string,
  generation: string,
): Promise<boolean> {
  const [last] = (await documents.find(physicalCollection(LAST_EVENTS, generation), {
    _id: checkpoint,
  })) as unknown as LastEvent[];
  if (!last) return false;
  const [stored] = await events.readStream(last.stream, { fromRevision: last.revision, maxCount: 1 });
  return stored?.revision !== last.revision || stored.id !== last.eventId;
}
