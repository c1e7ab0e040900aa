import { DocumentStore, DocumentWrite } from '../../platform/document-store/document-store.port';
import { EventStore } from '../../platform/event-store/event-store.port';
import { positionToString, RecordedEvent } from '../../platform/event-store/stored-event';
import { ChainVerifier } from '../../platform/integrity/chain-verifier';
import { checkpointOf } from '../checkpoints/checkpoint-stream';
import { SignedCheckpoint } from '../checkpoints/checkpoint';
import { leafOf, logLeafHash } from '../log-leaf';
import { nodeHash } from '../merkle/merkle-hash';
import { rangeHash, subtreeId, SubtreeLookup, subtreesNeeded } from '../merkle/merkle-proofs';
import { consistencyRanges, inclusionRanges, LeafRange, Subtree } from '../merkle/merkle-ranges';
import {
  CHECKPOINTS,
  checkpointDocId,
  HEAD_ID,
  HeadDoc,
  LATEST_CHECKPOINT_ID,
  LatestCheckpointDoc,
  MERKLE_HEAD,
  MERKLE_NODES,
  NodeDoc,
  TREE_CHECKPOINT,
  TREE_INDEXES,
} from './merkle-node-docs';
import { yieldToIo } from '../../platform/yield-to-io';

const PAGE = 1_000;

export interface TreeHead {
  readonly size: number;
  readonly position: bigint | undefined;
}

/**
 * The log's Merkle tree in the document store, brought up to date by `catchUp`. Its content is a pure function of
 * the log, so two processes catching up at once write the same documents: the lease only saves the double work.
 * Events are verified (hash and chain link) before they become leaves: the tree never adopts an edited event.
 */
export class MerkleTreeStore {
  private running: Promise<unknown> = Promise.resolve();
  private readonly verifier: ChainVerifier;
  private indexed = false;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
  ) {
    this.verifier = new ChainVerifier(events);
  }

  /** Follows the log to its head; one catch-up at a time in this process. */
  catchUp(): Promise<TreeHead> {
    const next = this.running.then(() => this.follow());
    this.running = next.catch(() => undefined);
    return next;
  }

  async head(): Promise<TreeHead> {
    const head = await this.documents.findOne<HeadDoc>(MERKLE_HEAD, { _id: HEAD_ID });
    return head ? { size: head.size, position: BigInt(head.position) } : { size: 0, position: undefined };
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const doc = await this.documents.findOne<LatestCheckpointDoc>(MERKLE_HEAD, { _id: LATEST_CHECKPOINT_ID });
    return doc?.checkpoint;
  }

  /** The hashes of the given ranges of leaves, from one fetch of the subtrees they need. */
  async rangeHashes(ranges: readonly LeafRange[]): Promise<Buffer[]> {
    const lookup = await this.lookup(subtreesNeeded(ranges));
    return ranges.map((range) => rangeHash(range, lookup));
  }

  async root(size: number): Promise<Buffer> {
    return (await this.rangeHashes([[0, size]]))[0];
  }

  async inclusionProof(index: number, size: number): Promise<Buffer[]> {
    return this.rangeHashes(inclusionRanges(index, size));
  }

  async consistencyProof(from: number, to: number): Promise<Buffer[]> {
    return this.rangeHashes(consistencyRanges(from, to));
  }

  /** The leaf of the event at a position, with its index, if the tree has it. */
  async leafAt(position: bigint): Promise<NodeDoc | undefined> {
    return this.documents.findOne<NodeDoc>(MERKLE_NODES, { position: positionToString(position) });
  }

  /** Leaves by index, as recorded when the tree followed the log (the verifier compares them with the log now). */
  async leaves(indexes: readonly number[]): Promise<Map<number, NodeDoc>> {
    const ids = indexes.map((index) => subtreeId({ level: 0, index }));
    const found = await this.documents.find<NodeDoc>(MERKLE_NODES, { _id: { $in: ids } });
    return new Map(found.map((doc) => [doc.index!, doc]));
  }

  private async lookup(subtrees: readonly Subtree[]): Promise<SubtreeLookup> {
    const ids = subtrees.map(subtreeId);
    const found =
      ids.length === 0 ? [] : await this.documents.find<NodeDoc>(MERKLE_NODES, { _id: { $in: ids } });
    const hashes = new Map(found.map((doc) => [doc._id, Buffer.from(doc.h, 'hex')]));
    return (subtree) => {
      const hash = hashes.get(subtreeId(subtree));
      if (!hash) throw new Error(`The Merkle tree lacks subtree ${subtreeId(subtree)}`);
      return hash;
    };
  }

  private async follow(): Promise<TreeHead> {
    if (!this.indexed) {
      for (const [collection, indexes] of Object.entries(TREE_INDEXES))
        await this.documents.ensureIndexes(collection, indexes);
      this.indexed = true;
    }
    await this.documents.recover(TREE_CHECKPOINT);
    let head = await this.head();
    await this.checkLastLeafStillInLog(head);
    const frontier = await this.frontier(head.size);
    for (;;) {
      const page = await this.events.readAll({ after: head.position, maxCount: PAGE });
      if (page.length === 0) return head;
      const broken = await this.verifier.firstBreak(page);
      const verified = broken ? page.slice(0, broken.index) : page;
      if (verified.length > 0) head = await this.commit(verified, head, frontier);
      if (broken) throw broken.error;
      await yieldToIo();
    }
  }

  /**
   * A log restored from an older copy reuses positions the tree already covers: following it would skip events and
   * sign a tree that is not the log. That is a fork only people can resolve, so the tree refuses to go on.
   */
  private async checkLastLeafStillInLog(head: TreeHead): Promise<void> {
    if (head.position === undefined) return;
    const last = (await this.leaves([head.size - 1])).get(head.size - 1)?.leaf;
    const [stored] = await this.events.readAll({ after: head.position - 1n, maxCount: 1 });
    if (last && stored?.position === head.position && stored.hash === last.hash) return;
    throw new LogForkedError(head);
  }

  /** The rightmost complete subtree at each level below the tree's size: the left siblings of what comes next. */
  private async frontier(size: number): Promise<Map<number, Buffer>> {
    const subtrees: Subtree[] = [];
    for (let level = 0; 2 ** level <= size; level++)
      if (Math.floor(size / 2 ** level) % 2 === 1)
        subtrees.push({ level, index: Math.floor(size / 2 ** level) - 1 });
    const lookup = await this.lookup(subtrees);
    return new Map(subtrees.map((subtree) => [subtree.level, lookup(subtree)]));
  }

  private async commit(
    batch: readonly RecordedEvent[],
    head: TreeHead,
    frontier: Map<number, Buffer>,
  ): Promise<TreeHead> {
    const writes: DocumentWrite[] = [];
    let size = head.size;
    let latest: SignedCheckpoint | undefined;
    for (const event of batch) {
      const leaf = leafOf(event);
      const node = (level: number, index: number, hash: Buffer, extra = {}) =>
        writes.push({
          collection: MERKLE_NODES,
          position: event.position,
          document: { _id: subtreeId({ level, index }), h: hash.toString('hex'), ...extra },
        });
      let [level, index, hash] = [0, size, logLeafHash(leaf)];
      node(0, size, hash, { index: size, position: leaf.position, leaf });
      while (index % 2 === 1) {
        hash = nodeHash(frontier.get(level)!, hash);
        frontier.delete(level);
        [level, index] = [level + 1, (index - 1) / 2];
        node(level, index, hash);
      }
      frontier.set(level, hash);
      size++;
      const checkpoint = checkpointOf(event);
      if (checkpoint) {
        latest = checkpoint;
        writes.push({
          collection: CHECKPOINTS,
          position: event.position,
          document: { _id: checkpointDocId(checkpoint.treeSize), ...checkpoint, position: leaf.position },
        });
      }
    }
    const last = batch[batch.length - 1].position;
    const headDoc = { _id: HEAD_ID, size, position: positionToString(last) };
    writes.push({ collection: MERKLE_HEAD, position: last, document: headDoc });
    if (latest)
      writes.push({
        collection: MERKLE_HEAD,
        position: last,
        document: { _id: LATEST_CHECKPOINT_ID, checkpoint: latest },
      });
    await this.documents.commit({
      writes,
      changes: [],
      checkpoint: { name: TREE_CHECKPOINT, position: last },
    });
    return { size, position: last };
  }
}

/** The log no longer holds the last event the tree (and so the signed checkpoints) covers. */
export class LogForkedError extends Error {
  constructor(head: TreeHead) {
    super(
      `The event log no longer holds event ${head.size - 1} (position ${head.position}) that the audit tree covers: ` +
        'it was restored from an older copy or rewritten. Checkpoints stop until an operator resolves it ' +
        '(npm run audit:verify names what differs).',
    );
    this.name = 'LogForkedError';
  }
}
