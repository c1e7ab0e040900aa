import { DataKey, KeyStore } from './key-store.port';

/** How long a key read from the store is trusted: an erasure on another instance takes effect there within it. */
export const KEY_CACHE_TTL_MS = 10_000;
/** Entries per map: enough for the people of a busy page of threads, bounded however many people there are. */
const MAX_ENTRIES = 10_000;

interface Cached<T> {
  readonly value: T;
  readonly until: number;
}

/** An insertion-ordered map that forgets its oldest entry beyond its bound. */
class BoundedMap<T> extends Map<string, T> {
  override set(key: string, value: T): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > MAX_ENTRIES) this.delete(this.keys().next().value!);
    return this;
  }
}

/**
 * Keeps recently used data keys in memory for a few seconds, so that opening a stream, a list's events or a
 * command's seal does not ask a remote key store each time. Tombstones (erased keys) are kept for good: an erasure
 * is never undone. An erasure through this instance forgets every cached key at once; one through another instance
 * reaches this one within KEY_CACHE_TTL_MS.
 */
export class CachedKeyStore implements KeyStore {
  private readonly bySubject = new BoundedMap<Cached<DataKey>>();
  private readonly byId = new BoundedMap<Cached<Buffer>>();
  private readonly erased = new BoundedMap<true>();

  constructor(
    private readonly store: KeyStore,
    private readonly ttlMs = KEY_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async keyFor(subject: string): Promise<DataKey> {
    const cached = this.fresh(this.bySubject.get(subject));
    if (cached) return cached;
    const key = await this.store.keyFor(subject);
    const until = this.now() + this.ttlMs;
    this.bySubject.set(subject, { value: key, until });
    this.byId.set(key.id, { value: key.key, until });
    return key;
  }

  async keysById(ids: readonly string[]): Promise<Map<string, Buffer | null>> {
    const found = new Map<string, Buffer | null>();
    const missing: string[] = [];
    for (const id of ids) {
      if (this.erased.has(id)) found.set(id, null);
      else {
        const key = this.fresh(this.byId.get(id));
        if (key) found.set(id, key);
        else missing.push(id);
      }
    }
    if (missing.length === 0) return found;
    const until = this.now() + this.ttlMs;
    for (const [id, key] of await this.store.keysById(missing)) {
      found.set(id, key);
      if (key === null) this.erased.set(id, true);
      else this.byId.set(id, { value: key, until });
    }
    return found;
  }

  isEmpty(): Promise<boolean> {
    return this.store.isEmpty();
  }

  async erase(subject: string): Promise<boolean> {
    try {
      return await this.store.erase(subject);
    } finally {
      // Which cached ids were this subject's is not known here; erasures are rare, so forget them all.
      this.bySubject.clear();
      this.byId.clear();
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private fresh<T>(cached: Cached<T> | undefined): T | undefined {
    return cached && cached.until > this.now() ? cached.value : undefined;
  }
}
