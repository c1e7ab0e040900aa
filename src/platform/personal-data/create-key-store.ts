import { KeyStore } from './key-store.port';
import { MongoKeyStore } from './mongo-key-store';
import { SqliteKeyStore } from './sqlite-key-store';

export type KeyStoreConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'mongodb'; readonly url: string };

export function createKeyStore(config: KeyStoreConfig): KeyStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteKeyStore(config.file);
    case 'mongodb':
      return new MongoKeyStore(config.url);
  }
}
