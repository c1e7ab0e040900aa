import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from './config';
import { EventLog } from './event-log/event-log';
import { EventSealer } from './event-log/event-sealer';
import { createEventStore } from './event-store/create-event-store';
import { EVENT_STORE, EventStore } from './event-store/event-store.port';
import { KEY_STORE, KeyStore } from './personal-data/key-store.port';
import { SqliteKeyStore } from './personal-data/sqlite-key-store';
import { personalDataPolicy } from '../personal-data-policy';

const storageExports = [APP_CONFIG, EVENT_STORE, KEY_STORE, EventLog];

const storageProviders = [
  {
    provide: EVENT_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => createEventStore(config.eventStore),
  },
  {
    provide: KEY_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new SqliteKeyStore(join(config.dataDir, 'keys.sqlite')),
  },
  {
    provide: EventLog,
    inject: [EVENT_STORE, KEY_STORE],
    useFactory: (store: EventStore, keys: KeyStore) =>
      new EventLog(store, new EventSealer(keys, personalDataPolicy)),
  },
];

/** The storage ports and their adapters, chosen once from the environment. */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  static with(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, ...storageProviders],
      exports: storageExports,
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.events.close(), this.keys.close()]);
  }
}
