import { HASH_BYTES, nodeHash } from './merkle-hash';
import { consistencyProof, inclusionProof, rootHash, SubtreeLookup } from './merkle-proofs';
import { Subtree } from './merkle-ranges';

/** Hashes of one level side by side in one growing buffer: a million leaves cost 32 MB, not a million objects. */
class HashColumn {
  private bytes = Buffer.alloc(HASH_BYTES * 1024);
  length = 0;

  push(hash: Buffer): void {
    if ((this.length + 1) * HASH_BYTES > this.bytes.length) {
      const grown = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(grown);
      this.bytes = grown;
    }
    hash.copy(this.bytes, this.length * HASH_BYTES);
    this.length++;
  }

  at(index: number): Buffer {
    return this.bytes.subarray(index * HASH_BYTES, (index + 1) * HASH_BYTES);
  }
}

/**
 * A Merkle tree kept whole in memory, built leaf by leaf: each append completes at most one subtree per level, so
 * building n leaves costs about 2n hashes, and the root or a proof at any earlier size costs O(log n) more.
 */
export class MemoryMerkleTree {
  private readonly levels: HashColumn[] = [new HashColumn()];

  get size(): number {
    return this.levels[0].length;
  }

  /** Appends a leaf's hash (leafHash of its content) and the complete subtrees it closes. */
  append(leaf: Buffer): void {
    let hash = leaf;
    for (let level = 0, index = this.size; ; level++, index = (index - 1) / 2) {
      this.levels[level] ??= new HashColumn();
      this.levels[level].push(hash);
      if (index % 2 === 0) return;
      hash = nodeHash(this.levels[level].at(index - 1), hash);
    }
  }

  /** The hash of a complete subtree this tree holds. */
  readonly subtree: SubtreeLookup = ({ level, index }: Subtree) => {
    const column = this.levels[level];
    if (!column || index >= column.length) throw new RangeError(`No complete subtree ${level}.${index}`);
    return column.at(index);
  };

  leaf(index: number): Buffer {
    return this.subtree({ level: 0, index });
  }

  root(size = this.size): Buffer {
    this.within(size);
    return rootHash(size, this.subtree);
  }

  inclusionProof(index: number, size = this.size): Buffer[] {
    this.within(size);
    return inclusionProof(index, size, this.subtree);
  }

  consistencyProof(from: number, to = this.size): Buffer[] {
    this.within(to);
    return consistencyProof(from, to, this.subtree);
  }

  private within(size: number): void {
    if (size > this.size) throw new RangeError(`The tree holds ${this.size} leaves, not ${size}`);
  }
}
