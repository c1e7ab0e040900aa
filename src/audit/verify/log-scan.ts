import { hashEvent } from '../../platform/event-store/event-hash';
import { EventStore } from '../../platform/event-store/event-store.port';
import { RecordedEvent } from '../../platform/event-store/stored-event';
import { SignedCheckpoint } from '../checkpoints/checkpoint';
import { checkpointOf } from '../checkpoints/checkpoint-stream';
import { LogLeaf, leafOf, logLeafHash } from '../log-leaf';
import { MemoryMerkleTree } from '../merkle/memory-merkle-tree';

const PAGE = 1_000;

/** The first link of a stream's chain that does not hold, and what differs. */
export interface BrokenLink {
  readonly stream: string;
  readonly revision: number;
  readonly position: bigint;
  readonly reason: 'hash_mismatch' | 'previous_hash_mismatch' | 'revision_gap';
  readonly detail: string;
}

/** Everything the verifier learns from one pass over the log in position order. */
export interface LogScan {
  readonly events: number;
  readonly streams: number;
  readonly tree: MemoryMerkleTree;
  /** What each leaf commits to, by index: to say which event a differing leaf is. */
  readonly leaves: readonly LogLeaf[];
  readonly firstBreak: BrokenLink | undefined;
  /** The checkpoints found in the log, in log order, with where each stands. */
  readonly checkpoints: ReadonlyArray<{ readonly checkpoint: SignedCheckpoint; readonly position: bigint }>;
}

interface Head {
  readonly revision: number;
  readonly hash: string;
}

/** Checks one event against its own content and the stream's previous event as met in this pass. */
export function brokenLink(event: RecordedEvent, previous: Head | undefined): BrokenLink | undefined {
  const at = (reason: BrokenLink['reason'], detail: string): BrokenLink => ({
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    reason,
    detail,
  });
  const expected = previous ? previous.revision + 1 : 0;
  if (event.revision !== expected)
    return at(
      'revision_gap',
      expected === 0
        ? `the stream starts at revision ${event.revision}: revisions 0 to ${event.revision - 1} are missing`
        : `revision ${expected} should follow revision ${previous!.revision}, but ${event.revision} does: ` +
            `${event.revision - expected} event(s) are missing`,
    );
  if (event.previousHash !== (previous?.hash ?? null))
    return at(
      'previous_hash_mismatch',
      `it links to ${event.previousHash ?? 'nothing'}, but the event before it hashes to ${previous?.hash ?? 'nothing'}`,
    );
  const recomputed = hashEvent(event);
  if (recomputed !== event.hash)
    return at(
      'hash_mismatch',
      `its stored hash is ${event.hash}, its content hashes to ${recomputed}: it was edited`,
    );
  return undefined;
}

/**
 * Reads the whole log once in position order: checks every event's hash and chain link (naming the first that fails),
 * builds the Merkle tree of the log as it is now, and collects the checkpoints it holds.
 */
export async function scanLog(events: EventStore, onPage?: (count: number) => void): Promise<LogScan> {
  const heads = new Map<string, Head>();
  const tree = new MemoryMerkleTree();
  const leaves: LogLeaf[] = [];
  const checkpoints: Array<{ checkpoint: SignedCheckpoint; position: bigint }> = [];
  let firstBreak: BrokenLink | undefined;
  for (let after: bigint | undefined; ;) {
    const page = await events.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      firstBreak ??= brokenLink(event, heads.get(event.stream));
      heads.set(event.stream, { revision: event.revision, hash: event.hash });
      const leaf = leafOf(event);
      leaves.push(leaf);
      tree.append(logLeafHash(leaf));
      const checkpoint = checkpointOf(event);
      if (checkpoint) checkpoints.push({ checkpoint, position: event.position });
    }
    onPage?.(leaves.length);
    if (page.length < PAGE) break;
    after = page[page.length - 1].position;
  }
  return { events: leaves.length, streams: heads.size, tree, leaves, firstBreak, checkpoints };
}
