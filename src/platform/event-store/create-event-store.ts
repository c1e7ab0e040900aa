import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore(config.file);
    case 'eventstoredb':
      return new (EventStoreDbEventStoreAdapter())(config.url);
  }
}

// Loaded only when configured: a server's client library is a good part of an embedded start.
const EventStoreDbEventStoreAdapter = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./eventstoredb-event-store') as typeof import('./eventstoredb-event-store'))
    .EventStoreDbEventStore;
