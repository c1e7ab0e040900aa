import { EventStore } from '../event-store/event-store.port';
import { KeyStore } from '../personal-data/key-store.port';
import { KeyStoreMismatchError } from './integrity-errors';

const PAGE = 1_000;

/**
 * An empty key store under a log with sealed personal data is a lost or foreign key store, not a world where everyone
 * asked to be erased: refuse to start. Almost every log seals a citizen early, so the scan stops within a page or two.
 */
export async function checkKeyStoreMatchesLog(events: EventStore, keys: KeyStore): Promise<void> {
  if (!(await keys.isEmpty())) return;
  let after: bigint | undefined;
  for (;;) {
    const page = await events.readAll({ after, maxCount: PAGE });
    const sealed = page.find((event) => event.keyIds.length > 0);
    if (sealed) throw new KeyStoreMismatchError(sealed.stream, sealed.position);
    if (page.length < PAGE) return;
    after = page[page.length - 1].position;
  }
}
