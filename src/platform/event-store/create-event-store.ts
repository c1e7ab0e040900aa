import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

export type EventStoreConfig = { readonly kind: 'sqlite'; readonly file: string };

/** Chooses the adapter: EventStoreDB when EVENTSTORE_URL is set, otherwise SQLite under the data folder. */
export function eventStoreConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): EventStoreConfig {
  return { kind: 'sqlite', file: join(dataDir, 'events.sqlite') };
}

export function createEventStore(config: EventStoreConfig): EventStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteEventStore(config.file);
  }
}
