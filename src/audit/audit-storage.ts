import { existsSync } from 'node:fs';
import { AppConfig } from '../app-config';
import { StartupRefusal } from '../platform/data-dir';
import { createDocumentStore } from '../platform/document-store/create-document-store';
import { DocumentStore } from '../platform/document-store/document-store.port';
import { createEventStore } from '../platform/event-store/create-event-store';
import { EventStore } from '../platform/event-store/event-store.port';

/** The stores an audit command line reads: the event log, and the tree the server recorded when there is one. */
export interface AuditStorage {
  readonly events: EventStore;
  readonly documents: DocumentStore | undefined;
  close(): Promise<void>;
}

/** Opens the configured stores as they are, server running or not; an embedded log that is not there is refused. */
export function openAuditStorage(config: AppConfig): AuditStorage {
  const { eventStore, documentStore } = config;
  if (eventStore.kind === 'sqlite' && !existsSync(eventStore.file))
    throw new StartupRefusal(`No event log at ${eventStore.file}: set DATA_DIR to the data folder`);
  const events = createEventStore(eventStore);
  const documents =
    documentStore.kind === 'sqlite' && !existsSync(documentStore.file)
      ? undefined
      : createDocumentStore(documentStore);
  return {
    events,
    documents,
    close: async () => void (await Promise.all([events.close(), documents?.close()])),
  };
}
