import { ChainVerifier } from '../../src/platform/integrity/chain-verifier';
import { yieldToIo } from '../../src/platform/yield-to-io';
import {
  checkpointName,
  currentGeneration,
  pendingRebuildAlias,
  physicalCollection,
  previousGenerationAlias as previousAlias,
} from '../../src/platform/read-models/generations';
import { projectBatch } from './project-batch';
import { Projection } from './projection';
import type { RunnerDeps } from './projection-runner';

export interface RebuildProgress {
  readonly position: bigint;
  readonly head: bigint;
  readonly events: number;
}

export interface RebuildOptions {
  /** Test hook: called once exactly `crashAfterEvents` events have been committed (e.g. to kill the process). */
  readonly crashAfterEvents?: number;
  readonly onCrashPoint?: () => void;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

/** A rebuild in progress (not swapped in yet) resumes its generation; otherwise a fresh one starts. */
async function rebuildGeneration(deps: RunnerDeps, projection: Projection): Promise<string> {
  const pending = await deps.documents.alias(pendingRebuildAlias(projection.name));
  if (pending && pending !== (await currentGeneration(deps.documents, projection.name))) return pending;
  const generation = `r${Date.now()}`;
  await deps.documents.setAlias(pendingRebuildAlias(projection.name), generation);
  return generation;
}

/**
 * Drops the generation before the one being replaced: one old generation is kept for a quick way back. Each step
 * can be repeated, so a swap killed midway completes when the rebuild is run again; the pending alias keeps
 * naming the generation, which counts as done once it is the current one.
 */
async function swap(deps: RunnerDeps, projection: Projection, generation: string): Promise<void> {
  const { documents } = deps;
  const replaced = await currentGeneration(documents, projection.name);
  if (replaced === generation) return;
  const older = await documents.alias(previousAlias(projection.name));
  if (older && older !== generation && older !== replaced) {
    for (const collection of Object.keys(projection.collections))
      await documents.dropCollection(physicalCollection(collection, older));
  }
  await documents.setAlias(previousAlias(projection.name), replaced);
  await documents.setAlias(projection.name, generation);
}

/** Larger than a subscription's batch: a document touched by many events of a page is written once per page. */
const REBUILD_PAGE = 2_000;

/**
 * Rebuilds a read model from the first event into a fresh generation of collections, then swaps the alias.
 * A running app serves the old generation until the swap; a rebuild killed midway resumes where it stopped.
 * The generation's indexes are built once its documents are in (a bulk sort per index, not one update per write),
 * or earlier, before the first query a projection asks of it.
 */
export async function rebuild(
  projection: Projection,
  deps: RunnerDeps,
  options: RebuildOptions = {},
): Promise<string> {
  const { documents, events, sealer } = deps;
  const generation = await rebuildGeneration(deps, projection);
  const physical = (collection: string) => physicalCollection(collection, generation);
  let indexed: Promise<void> | undefined;
  const ensureIndexes = () =>
    (indexed ??= (async () => {
      for (const [collection, indexes] of Object.entries(projection.collections))
        await documents.ensureIndexes(physical(collection), indexes);
    })());
  const checkpoint = checkpointName(projection.name, generation);
  const verifier = new ChainVerifier(events);
  const target = {
    documents,
    sealer,
    checkpoint,
    physical,
    writeChanges: false,
    verifier,
    beforeQueries: ensureIndexes,
  };
  const head = (await events.headPosition()) ?? 0n;
  let processed = 0;

  await documents.recover(checkpoint);
  // Read once: each page's commit moves the checkpoint to the page's last event.
  let after = await documents.checkpoint(checkpoint);
  for (;;) {
    const page = await events.readAll({ after, maxCount: REBUILD_PAGE });
    if (page.length === 0) break;
    const room = options.crashAfterEvents === undefined ? page.length : options.crashAfterEvents - processed;
    const slice = page.slice(0, Math.max(room, 0));
    await projectBatch(projection, slice, target);
    processed += slice.length;
    options.onProgress?.({ position: slice.at(-1)?.position ?? 0n, head, events: processed });
    if (processed === options.crashAfterEvents) options.onCrashPoint?.();
    if (slice.length < page.length) throw new Error('stopped at the crash point');
    after = page[page.length - 1].position;
    await yieldToIo();
  }
  await ensureIndexes();
  await swap(deps, projection, generation);
  return generation;
}
