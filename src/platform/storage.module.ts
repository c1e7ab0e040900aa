import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, PlatformConfig } from './config';
import { PersonalDataPolicy } from './domain/personal-data';
import { DOCUMENT_STORE } from './document-store/document-store.port';
import { EventLog } from './event-log/event-log';
import { EVENT_STORE } from './event-store/event-store.port';
import { IntegrityMonitor } from './integrity/integrity-monitor';
import { checkKeyStoreMatchesLog } from './integrity/storage-consistency';
import { KEY_STORE } from './personal-data/key-store.port';
import { ReadModels } from './read-models/read-models';
import { closeStorage, openStorage, Storage } from './storage';

const STORAGE = Symbol('Storage');

/** The storage ports and their adapters, chosen once from the configuration. */
@Global()
@Module({})
export class StorageModule implements OnModuleInit, OnApplicationShutdown {
  static with(config: PlatformConfig, policy: PersonalDataPolicy): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: STORAGE, useFactory: () => openStorage(config, policy) },
        { provide: EVENT_STORE, inject: [STORAGE], useFactory: (s: Storage) => s.events },
        { provide: KEY_STORE, inject: [STORAGE], useFactory: (s: Storage) => s.keys },
        { provide: DOCUMENT_STORE, inject: [STORAGE], useFactory: (s: Storage) => s.documents },
        { provide: EventLog, inject: [STORAGE], useFactory: (s: Storage) => s.log },
        { provide: IntegrityMonitor, inject: [STORAGE], useFactory: (s: Storage) => s.log.integrity },
        {
          provide: ReadModels,
          inject: [STORAGE],
          useFactory: (s: Storage) => new ReadModels(s.documents, s.events, config.readWaitMs),
        },
      ],
      exports: [APP_CONFIG, EVENT_STORE, KEY_STORE, DOCUMENT_STORE, EventLog, IntegrityMonitor, ReadModels],
    };
  }

  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  /** Refuses to start on an event store server the adapter cannot serve, or a key store foreign to the log. */
  async onModuleInit(): Promise<void> {
    await this.storage.events.verifyServer();
    await checkKeyStoreMatchesLog(this.storage.events, this.storage.keys);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeStorage(this.storage);
  }
}
