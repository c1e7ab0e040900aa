import { MongoClient } from 'mongodb';

/** A process's one client for a URL, and the release that closes it when its last user lets go. */
export interface SharedMongoClient {
  readonly client: MongoClient;
  release(): Promise<void>;
}

interface Entry {
  readonly client: MongoClient;
  users: number;
}

const clients = new Map<string, Entry>();

/**
 * One MongoClient per process and URL, as the driver advises: the document store and the key store (and every
 * other adapter on that URL) share its connection pool and its server monitoring instead of opening their own.
 */
export function shareMongoClient(url: string): SharedMongoClient {
  let entry = clients.get(url);
  if (!entry) {
    entry = { client: new MongoClient(url, { ignoreUndefined: true }), users: 0 };
    clients.set(url, entry);
  }
  entry.users++;
  const shared = entry;
  let released = false;
  return {
    client: shared.client,
    async release() {
      if (released) return;
      released = true;
      if (--shared.users > 0) return;
      if (clients.get(url) === shared) clients.delete(url);
      await shared.client.close();
    },
  };
}
