import { hash } from 'node:crypto';

/** SHA-256, as RFC 6962 uses it. */
export const HASH_BYTES = 32;

const LEAF_PREFIX = Buffer.of(0x00);
const NODE_PREFIX = Buffer.of(0x01);

// The one-shot hash is faster than createHash for inputs this short, and a checkpoint hashes every leaf.
const sha256 = (bytes: Buffer): Buffer => hash('sha256', bytes, 'buffer');

/** RFC 6962 §2.1: the hash of a leaf, SHA-256(0x00 || leaf). */
export const leafHash = (leaf: Uint8Array): Buffer => sha256(Buffer.concat([LEAF_PREFIX, leaf]));

/** RFC 6962 §2.1: the hash of an inner node, SHA-256(0x01 || left || right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  sha256(Buffer.concat([NODE_PREFIX, left, right]));

/** The root of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Buffer = sha256(Buffer.alloc(0));
