import type { OutboxEntry } from './outbox-entry';

const DATABASE = 'suara-warga';
const STORE = 'outbox';

/** The outbox as this device keeps it: IndexedDB, which survives reloads and restarts of the phone. */
export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(key: string): Promise<void>;
}

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

let opening: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

/** One transaction; its promise settles once the change is committed, not merely queued. */
async function transaction<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const tx = (await database()).transaction(STORE, mode);
  const result = done(work(tx.objectStore(STORE)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

const indexedDbStore: OutboxStore = {
  all: () => transaction('readonly', (store) => store.getAll() as IDBRequest<OutboxEntry[]>),
  put: (entry) => transaction('readwrite', (store) => store.put(entry)).then(() => undefined),
  delete: (key) => transaction('readwrite', (store) => store.delete(key)).then(() => undefined),
};

/** Where IndexedDB is refused (some private modes): the outbox lasts as long as the page. */
function memoryStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    all: async () => [...entries.values()],
    put: async (entry) => void entries.set(entry.key, entry),
    delete: async (key) => void entries.delete(key),
  };
}

let chosen: Promise<OutboxStore> | undefined;

export function outboxStore(): Promise<OutboxStore> {
  chosen ??= (typeof indexedDB === 'undefined' ? Promise.reject(new Error('no IndexedDB')) : database())
    .then(() => indexedDbStore)
    .catch(() => memoryStore());
  return chosen;
}
