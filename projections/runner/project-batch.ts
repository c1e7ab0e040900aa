import {
  ChangeEntry,
  Doc,
  DocumentStore,
  DocumentWrite,
  Filter,
} from '../../src/platform/document-store/document-store.port';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { RecordedEvent } from '../../src/platform/event-store/stored-event';
import { ChainVerifier } from '../../src/platform/integrity/chain-verifier';
import { projectedEvent } from '../../src/platform/read-models/projected-event';
import { Query } from '../../src/platform/document-store/mingo';
import { lastEventWrite } from './last-event';
import { DocumentKey, DocumentQuery, DocumentSearch, ProjectedEvent, Projection } from './projection';

export interface BatchTarget {
  readonly documents: DocumentStore;
  readonly sealer: EventSealer;
  /** Physical collection of a logical one, in the generation being written. */
  readonly physical: (collection: string) => string;
  readonly checkpoint: string;
  /** Rebuilds leave the change log alone: it already holds these changes. */
  readonly writeChanges: boolean;
  /** Checks every event before it is projected: an edited or damaged event is never adopted. */
  readonly verifier: ChainVerifier;
  /** A rebuild builds its generation's indexes late: before the first query its projection asks, at the latest. */
  readonly beforeQueries?: () => Promise<void>;
}

const keyOf = ({ collection, id }: DocumentKey) => `${collection}\u0000${id}`;

/** Opened with one look-up of the keys the batch's events share, not one per event. */
async function opened(sealer: EventSealer, recorded: readonly RecordedEvent[]): Promise<ProjectedEvent[]> {
  return (await sealer.openAll(recorded)).map(projectedEvent);
}

/** Loads every document the batch touches with one query per collection, and those its events' queries find. */
async function load(
  target: BatchTarget,
  keys: readonly DocumentKey[],
  queries: readonly DocumentQuery[],
): Promise<Map<string, Doc | undefined>> {
  const byCollection = new Map<string, Set<string>>();
  for (const { collection, id } of keys)
    byCollection.set(collection, (byCollection.get(collection) ?? new Set()).add(id));
  const loaded = new Map<string, Doc | undefined>();
  for (const [collection, ids] of byCollection) {
    const found = await target.documents.find(target.physical(collection), { _id: { $in: [...ids] } });
    for (const doc of found) loaded.set(keyOf({ collection, id: doc._id }), doc);
  }
  if (queries.length > 0) await target.beforeQueries?.();
  for (const { collection, filter } of queries) {
    const found = await target.documents.find(target.physical(collection), filter);
    for (const doc of found) loaded.set(keyOf({ collection, id: doc._id }), doc);
  }
  return loaded;
}

/** The documents a filter matches, evaluated as the embedded store does (mingo, no server-side scripts). */
export const matching = (documents: readonly Doc[], filter: Filter): Doc[] => {
  const query = new Query(filter, { scriptEnabled: false });
  return documents.filter((doc) => query.test(doc));
};

/** A query over the batch's documents: every stored match was loaded, and earlier events' puts replaced them. */
const searchIn =
  (documents: Map<string, Doc | undefined>): DocumentSearch =>
  ({ collection, filter }) => {
    const prefix = keyOf({ collection, id: '' });
    const candidates = [...documents].filter(([key, doc]) => key.startsWith(prefix) && doc !== undefined);
    return matching(
      candidates.map(([, doc]) => doc!),
      filter,
    );
  };

/**
 * Projects a batch in memory, document by document, and commits the final version of every touched document
 * with the change-log entries and the checkpoint: one commit per batch, however many events touched a document.
 * Events are verified first; the ones before a broken event are committed, then the batch fails at it (a stall).
 */
export async function projectBatch(
  projection: Projection,
  batch: readonly RecordedEvent[],
  target: BatchTarget,
): Promise<number> {
  // A batch replayed after its commit (a retry, a resumed rebuild) skips the events its checkpoint covers: the
  // documents already reflect them, and projecting them again would diff against the wrong `before`.
  const done = await target.documents.checkpoint(target.checkpoint);
  const fresh = done === undefined ? batch : batch.filter((e) => e.position > done);
  if (fresh.length === 0) return 0;
  const broken = await target.verifier.firstBreak(fresh);
  const verified = broken ? fresh.slice(0, broken.index) : fresh;
  const projected = verified.length > 0 ? await projectAndCommit(projection, verified, target) : 0;
  if (broken) throw broken.error;
  return projected;
}

async function projectAndCommit(
  projection: Projection,
  fresh: readonly RecordedEvent[],
  target: BatchTarget,
): Promise<number> {
  const events = await opened(
    target.sealer,
    fresh.filter((e) => projection.handles(e.type)),
  );
  const documents = await load(
    target,
    events.flatMap((e) => projection.touches(e)),
    events.flatMap((e) => projection.finds?.(e) ?? []),
  );
  const search = searchIn(documents);
  const writes = new Map<string, DocumentWrite>();
  const changes: ChangeEntry[] = [];
  for (const event of events) {
    const result = projection.project(event, (key) => documents.get(keyOf(key)), search);
    for (const operation of result.operations) {
      const id = 'put' in operation ? operation.put._id : operation.delete;
      const key = keyOf({ collection: operation.collection, id });
      const collection = target.physical(operation.collection);
      documents.set(key, 'put' in operation ? operation.put : undefined);
      writes.set(
        key,
        'put' in operation
          ? { collection, position: event.position, document: operation.put }
          : { collection, position: event.position, delete: id },
      );
    }
    if (target.writeChanges) {
      for (const change of result.changes)
        changes.push({ position: event.position, eventType: event.type, ...change });
    }
  }
  const last = fresh[fresh.length - 1];
  const position = last.position;
  await target.documents.commit({
    writes: [...writes.values(), lastEventWrite(target.checkpoint, target.physical, last)],
    changes,
    checkpoint: { name: target.checkpoint, position },
  });
  return events.length;
}
