import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { invalid, notFound } from '../platform/domain/domain-errors';
import { Actor } from '../platform/domain/decider';
import { SignedCheckpoint } from './checkpoints/checkpoint';
import { LeafVisibility } from './leaf-visibility';
import { CHECKPOINTS, CheckpointDoc, checkpointDocId } from './tree/merkle-node-docs';
import { MerkleTreeStore } from './tree/merkle-tree-store';

const hex = (hash: Buffer) => hash.toString('hex');
const DEFAULT_PAGE = 20;

const checkpointView = ({ logId, rootHash, timestamp, treeSize, signature }: SignedCheckpoint) => ({
  logId,
  rootHash,
  timestamp,
  treeSize,
  signature,
});

/** What the public audit routes read: checkpoints and proofs, from the tree the server keeps. */
@Injectable()
export class AuditProofs {
  constructor(
    private readonly tree: MerkleTreeStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly visibility: LeafVisibility,
  ) {}

  async checkpoints(after: number | undefined, limit = DEFAULT_PAGE) {
    const filter = after === undefined ? {} : { treeSize: { $gt: after } };
    const found = await this.documents.find<CheckpointDoc>(CHECKPOINTS, filter, {
      sort: { treeSize: 1 },
      limit: limit + 1,
    });
    const page = found.slice(0, limit);
    const next = found.length > limit ? String(page[page.length - 1].treeSize) : undefined;
    return { checkpoints: page.map(checkpointView), ...(next && { next }) };
  }

  async latest() {
    const latest = await this.tree.latestCheckpoint();
    if (!latest) throw notFound('no_checkpoint', 'No checkpoint has been signed yet');
    return checkpointView(latest);
  }

  async checkpoint(treeSize: number) {
    const found = await this.documents.findOne<CheckpointDoc>(CHECKPOINTS, {
      _id: checkpointDocId(treeSize),
    });
    if (!found) throw notFound('checkpoint_not_found', `No checkpoint of tree size ${treeSize}`, 'treeSize');
    return checkpointView(found);
  }

  async inclusion(position: bigint, treeSize: number | undefined, viewer: Actor | undefined) {
    const leaf = await this.tree.leafAt(position);
    // A leaf the caller may not see answers as no leaf at all, so positions cannot be walked to list private streams.
    if (!leaf || !(await this.visibility.visible(viewer, leaf.leaf!.stream)))
      throw notFound('event_not_in_tree', `No event at position ${position} in the tree yet`, 'position');
    const size = treeSize ?? (await this.latest()).treeSize;
    await this.reached(size, 'treeSize');
    if (leaf.index! >= size)
      throw invalid(
        'event_after_tree',
        `The event at position ${position} is leaf ${leaf.index}, after the first ${size} events`,
        'treeSize',
      );
    const [proof, root] = await Promise.all([
      this.tree.inclusionProof(leaf.index!, size),
      this.tree.root(size),
    ]);
    return {
      leafIndex: leaf.index!,
      treeSize: size,
      leaf: leaf.leaf!,
      leafHash: leaf.h,
      rootHash: hex(root),
      proof: proof.map(hex),
    };
  }

  async consistency(from: number, to: number) {
    if (from > to) throw invalid('invalid_range', 'from must not be larger than to', 'from');
    await this.reached(to, 'to');
    const [fromRoot, toRoot, proof] = await Promise.all([
      this.tree.root(from),
      this.tree.root(to),
      this.tree.consistencyProof(from, to),
    ]);
    return { from, to, fromRoot: hex(fromRoot), toRoot: hex(toRoot), proof: proof.map(hex) };
  }

  private async reached(size: number, field: string): Promise<void> {
    const head = await this.tree.head();
    if (size > head.size)
      throw notFound('tree_size_not_reached', `The tree holds ${head.size} events, not ${size}`, field);
  }
}
