import { CachedKeyStore } from './cached-key-store';
import { KeyStore } from './key-store.port';
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
        new (MongoKeyStoreAdapter())(config.url, {
          database: config.database,
          formerDatabase: config.formerDatabase,
        }),
      );
  }
}

// Loaded only when configured: a server's client library is a good part of an embedded start.
const MongoKeyStoreAdapter = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./mongo-key-store') as typeof import('./mongo-key-store')).MongoKeyStore;
