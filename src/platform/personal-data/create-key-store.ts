import { CachedKeyStore } from './cached-key-store';
import { KeyStore } from './key-store.port';
import { MongoKeyStore } from './mongo-key-store';
import { SqliteKeyStore } from './sqlite-key-store';

export type KeyStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'mongodb';
      readonly url: string;
      /** Its own database (by default the URL's); `formerDatabase`: where keys were kept before (refused there). */
      readonly database?: string;
      readonly formerDatabase?: string;
    };

/** MongoDB's keys are a round trip away: a short-lived cache in front; the SQLite file is read in microseconds. */
export function createKeyStore(config: KeyStoreConfig): KeyStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteKeyStore(config.file);
    case 'mongodb':
      return new CachedKeyStore(
        new MongoKeyStore(config.url, { database: config.database, formerDatabase: config.formerDatabase }),
      );
  }
}
