import { LogLeaf } from '../log-leaf';
import { MerkleTreeStore } from '../tree/merkle-tree-store';

const BATCH = 1_000;

const describe = (leaf: LogLeaf) =>
  `position ${leaf.position} (stream ${leaf.stream}, revision ${leaf.revision})`;

/**
 * Compares the leaves the server recorded as it followed the log with the log now, up to `size`: the first that
 * differs says which event changed, vanished or appeared. Undefined when they agree.
 */
export async function firstDifferingLeaf(
  recorded: MerkleTreeStore,
  now: readonly LogLeaf[],
  size: number,
): Promise<string | undefined> {
  for (let start = 0; start < size; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, size - start) }, (_, i) => start + i);
    const found = await recorded.leaves(indexes);
    for (const index of indexes) {
      const then = found.get(index)?.leaf;
      const current = now[index];
      // The recorded tree ends here: nothing more to compare.
      if (!then) return undefined;
      if (!current) return `leaf ${index}: the event at ${describe(then)} is gone from the log`;
      if (then.position !== current.position)
        return BigInt(current.position) > BigInt(then.position)
          ? `leaf ${index}: the event at ${describe(then)} is gone from the log`
          : `leaf ${index}: an event at ${describe(current)} appeared before ${describe(then)}`;
      if (then.hash !== current.hash || then.stream !== current.stream || then.revision !== current.revision)
        return `leaf ${index}: the event at ${describe(then)} changed: its hash was ${then.hash}, now ${current.hash}`;
    }
  }
  return undefined;
}
