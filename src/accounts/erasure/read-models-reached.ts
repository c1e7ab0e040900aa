import { threadsNaming } from '../../aspirations/read-models/erased-person';
import { ASPIRATIONS_PROJECTION, THREADS } from '../../aspirations/read-models/thread.document';
import { NOTIFICATIONS_PROJECTION } from '../../notifications/read-models/notification.document';
import { NOTIFICATION_COLLECTIONS_NAMING } from '../../notifications/erasure/forget-person';
import { DocumentStore } from '../../platform/document-store/document-store.port';
import {
  checkpointName,
  currentGeneration,
  pendingRebuildAlias,
  physicalCollection,
  previousGenerationAlias,
} from '../../platform/read-models/generations';

type Naming = (personId: string) => Record<string, unknown>;

/** The read models that name people, and the collections that do, with the filter that finds a person there. */
export const READ_MODELS_NAMING_PEOPLE: ReadonlyArray<{
  projection: string;
  collections: ReadonlyArray<{ collection: string; naming: Naming }>;
}> = [
  { projection: ASPIRATIONS_PROJECTION, collections: [{ collection: THREADS, naming: threadsNaming }] },
  { projection: NOTIFICATIONS_PROJECTION, collections: NOTIFICATION_COLLECTIONS_NAMING },
];

const POLL_MS = 20;

/** The generations that project events: the current one, and a rebuild in progress (it projects the same events). */
async function projectingGenerations(documents: DocumentStore, projection: string): Promise<string[]> {
  const current = await currentGeneration(documents, projection);
  const pending = await documents.alias(pendingRebuildAlias(projection));
  return pending && pending !== current ? [current, pending] : [current];
}

async function behind(documents: DocumentStore, position: bigint): Promise<boolean> {
  for (const { projection } of READ_MODELS_NAMING_PEOPLE)
    for (const generation of await projectingGenerations(documents, projection)) {
      const reached = await documents.checkpoint(checkpointName(projection, generation));
      if (reached === undefined || reached < position) return true;
    }
  return false;
}

/**
 * Waits (bounded) until every generation being projected has passed `position`: a rebuild left unfinished holds an
 * erasure back until it runs again, since it would otherwise keep what it projected before the erasure.
 */
export async function readModelsReached(
  documents: DocumentStore,
  position: bigint,
  waitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  while (await behind(documents, position)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return true;
}

/**
 * The generation a rebuild replaced is kept, frozen, for a quick way back: where it names the person, its
 * collection is dropped (rolling back to it then needs a rebuild).
 */
export async function dropFrozenCopies(documents: DocumentStore, personId: string): Promise<void> {
  for (const { projection, collections } of READ_MODELS_NAMING_PEOPLE) {
    const previous = await documents.alias(previousGenerationAlias(projection));
    const projecting = await projectingGenerations(documents, projection);
    if (!previous || projecting.includes(previous)) continue;
    for (const { collection, naming } of collections) {
      const physical = physicalCollection(collection, previous);
      if ((await documents.count(physical, naming(personId))) > 0) await documents.dropCollection(physical);
    }
  }
}
