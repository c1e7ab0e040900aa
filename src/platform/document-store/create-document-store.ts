import { DocumentStore } from './document-store.port';
import { SqliteDocumentStore } from './sqlite-document-store';

export type DocumentStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database?: string };

export function createDocumentStore(config: DocumentStoreConfig): DocumentStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteDocumentStore(config.file);
    case 'mongodb':
      return new (MongoDocumentStoreAdapter())(config.url, { database: config.database });
  }
}

// Loaded only when configured: a server's client library is a good part of an embedded start.
const MongoDocumentStoreAdapter = () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./mongo-document-store') as typeof import('./mongo-document-store')).MongoDocumentStore;
