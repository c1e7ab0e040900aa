import { Doc, IndexSpec } from '../../platform/document-store/document-store.port';
import { SignedCheckpoint } from '../checkpoints/checkpoint';
import { LogLeaf } from '../log-leaf';

/**
 * The Merkle tree as the server keeps it, in the document store: one document per complete subtree (about two per
 * event), so a root or a proof at any size is O(log n) lookups by id. Like a read model, it is derived from the
 * log and rebuilt from it when lost; unlike one, it has no generations: its content is fixed by the log alone.
 */
export const MERKLE_NODES = 'audit_merkle_nodes';
/** How far the tree has followed the log, and the latest checkpoint seen in it. */
export const MERKLE_HEAD = 'audit_merkle_head';
/** Every checkpoint event of the log, by tree size: for listing and lookup. */
export const CHECKPOINTS = 'audit_checkpoints';
/** The document store checkpoint of the tree's batches (crash recovery on MongoDB). */
export const TREE_CHECKPOINT = 'audit-merkle';

export const TREE_INDEXES: Readonly<Record<string, readonly IndexSpec[]>> = {
  [MERKLE_NODES]: [{ fields: { position: 1 } }],
  [CHECKPOINTS]: [{ fields: { treeSize: 1 } }],
};

export interface NodeDoc extends Doc {
  /** The subtree's hash, hex. */
  readonly h: string;
  /** Leaves only: the event's position (looked up by inclusion proofs) and what the leaf commits to. */
  readonly position?: string;
  readonly leaf?: LogLeaf;
  readonly index?: number;
}

export interface HeadDoc extends Doc {
  readonly size: number;
  /** Position of the last event in the tree. */
  readonly position: string;
}

export interface LatestCheckpointDoc extends Doc {
  readonly checkpoint: SignedCheckpoint;
}

export type CheckpointDoc = Doc & SignedCheckpoint & { readonly position: string };

export const HEAD_ID = 'head';
export const LATEST_CHECKPOINT_ID = 'latest-checkpoint';
/** Checkpoint documents sort by id as by tree size. */
export const checkpointDocId = (treeSize: number) => String(treeSize).padStart(16, '0');
