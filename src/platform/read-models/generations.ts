import { DocumentStore } from '../document-store/document-store.port';

/**
 * A read model lives in one generation of physical collections at a time. A rebuild fills a fresh generation
 * and then points the read model's alias at it, so a running app serves the old one until that moment.
 */
export const FIRST_GENERATION = 'g1';

export const physicalCollection = (collection: string, generation: string) => `${collection}__${generation}`;

export const checkpointName = (projection: string, generation: string) => `${projection}__${generation}`;

/** The alias under which a rebuild in progress remembers its generation, so a restarted rebuild resumes it. */
export const pendingRebuildAlias = (projection: string) => `${projection}#rebuild`;

/** The generation a rebuild replaced, kept for a quick way back until the next rebuild drops it. */
export const previousGenerationAlias = (projection: string) => `${projection}#previous`;

export async function currentGeneration(documents: DocumentStore, projection: string): Promise<string> {
  return (await documents.alias(projection)) || FIRST_GENERATION;
}
