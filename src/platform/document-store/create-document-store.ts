import { DocumentStore } from './document-store.port';
import { MongoDocumentStore } from './mongo-document-store';
import { SqliteDocumentStore } from './sqlite-document-store';

export type DocumentStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'mongodb'; readonly url: string; readonly database?: string };

export function createDocumentStore(config: DocumentStoreConfig): DocumentStore {
  switch (config.kind) {
    case 'sqlite':
      return new SqliteDocumentStore(config.file);
    case 'mongodb':
      return new MongoDocumentStore(config.url, { database: config.database });
  }
}
