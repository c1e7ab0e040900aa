import { DocumentStore } from '../../src/platform/document-store/document-store.port';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { EventStore } from '../../src/platform/event-store/event-store.port';
import { ChainVerifier } from '../../src/platform/integrity/chain-verifier';
import { checkpointName, physicalCollection } from '../../src/platform/read-models/generations';
import { LAST_EVENTS } from './last-event';
import { projectBatch } from './project-batch';
import { Projection } from './projection';

const PAGE = 500;

export interface ScratchDeps {
  readonly events: EventStore;
  readonly documents: DocumentStore;
  readonly sealer: EventSealer;
}

/**
 * Projects the log up to a position into a generation of its own that no alias ever points at: a scratch copy to
 * compare with the live one. Events are verified as in any rebuild; the change log is left alone.
 */
export async function buildScratchGeneration(
  projection: Projection,
  deps: ScratchDeps,
  generation: string,
  upTo: bigint,
): Promise<void> {
  const { documents, events, sealer } = deps;
  for (const [collection, indexes] of Object.entries(projection.collections))
    await documents.ensureIndexes(physicalCollection(collection, generation), indexes);
  const target = {
    documents,
    sealer,
    checkpoint: checkpointName(projection.name, generation),
    physical: (collection: string) => physicalCollection(collection, generation),
    writeChanges: false,
    verifier: new ChainVerifier(events),
  };
  for (let after: bigint | undefined; ;) {
    const page = await events.readAll({ after, maxCount: PAGE });
    const within = page.filter((event) => event.position <= upTo);
    if (within.length > 0) await projectBatch(projection, within, target);
    if (within.length < PAGE) return;
    after = within[within.length - 1].position;
  }
}

export async function dropScratchGeneration(
  projection: Projection,
  documents: DocumentStore,
  generation: string,
): Promise<void> {
  for (const collection of [...Object.keys(projection.collections), LAST_EVENTS])
    await documents.dropCollection(physicalCollection(collection, generation));
}
