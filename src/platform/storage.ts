import { PlatformConfig } from './config';
import { PersonalDataPolicy } from './domain/personal-data';
import { createDocumentStore } from './document-store/create-document-store';
import { DocumentStore } from './document-store/document-store.port';
import { EventLog } from './event-log/event-log';
import { EventSealer } from './event-log/event-sealer';
import { createEventStore } from './event-store/create-event-store';
import { EventStore } from './event-store/event-store.port';
import { createKeyStore } from './personal-data/create-key-store';
import { KeyStore, SubjectErasedError } from './personal-data/key-store.port';
import { WrongExpectedRevisionError } from './event-store/event-store.errors';
import { metrics } from './metrics/metrics';
import { observedStore } from './metrics/observed-storage';

/** Every storage port of the platform, opened on the adapters the configuration names. */
export interface Storage {
  readonly events: EventStore;
  readonly keys: KeyStore;
  readonly documents: DocumentStore;
  readonly log: EventLog;
}

/** The personal-data policy comes from the app root: which fields are personal is the features' knowledge. */
export function openStorage(config: PlatformConfig, policy: PersonalDataPolicy): Storage {
  // Failures counted for the storage-errors metric; a revision conflict or an erased person is an answer, not one.
  const { storageErrors } = metrics;
  const events = observedStore(createEventStore(config.eventStore), 'events', storageErrors, isConflict);
  const keys = observedStore(createKeyStore(config.keyStore), 'keys', storageErrors, isErased);
  const documents = observedStore(createDocumentStore(config.documentStore), 'documents', storageErrors);
  return { events, keys, documents, log: new EventLog(events, new EventSealer(keys, policy)) };
}

const isConflict = (error: unknown) => error instanceof WrongExpectedRevisionError;
const isErased = (error: unknown) => error instanceof SubjectErasedError;

export async function closeStorage(storage: Storage): Promise<void> {
  await Promise.all([storage.events.close(), storage.keys.close(), storage.documents.close()]);
}
