import { PlatformConfig } from './config';
import { PersonalDataPolicy } from './domain/personal-data';
import { createDocumentStore } from './document-store/create-document-store';
import { DocumentStore } from './document-store/document-store.port';
import { EventLog } from './event-log/event-log';
import { EventSealer } from './event-log/event-sealer';
import { createEventStore } from './event-store/create-event-store';
import { EventStore } from './event-store/event-store.port';
import { createKeyStore } from './personal-data/create-key-store';
import { KeyStore } from './personal-data/key-store.port';

/** Every storage port of the platform, opened on the adapters the configuration names. */
export interface Storage {
  readonly events: EventStore;
  readonly keys: KeyStore;
  readonly documents: DocumentStore;
  readonly log: EventLog;
}

/** The personal-data policy comes from the app root: which fields are personal is the features' knowledge. */
export function openStorage(config: PlatformConfig, policy: PersonalDataPolicy): Storage {
  const events = createEventStore(config.eventStore);
  const keys = createKeyStore(config.keyStore);
  const documents = createDocumentStore(config.documentStore);
  return { events, keys, documents, log: new EventLog(events, new EventSealer(keys, policy)) };
}

export async function closeStorage(storage: Storage): Promise<void> {
  await Promise.all([storage.events.close(), storage.keys.close(), storage.documents.close()]);
}
