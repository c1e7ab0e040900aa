import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

export type EventStoreConfig = { readonly kind: 'sqlite'; readonly file: string };

export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore(config.file);
  }
}
