import { canonicalize } from 'json-canonicalize';
import { KeyObject, sign, verify } from 'node:crypto';
import { AuditSigningKey } from './signing-key';

/** What a checkpoint signs: the log (by its key), how many events, their Merkle root, and when. */
export interface CheckpointBody {
  readonly logId: string;
  /** RFC 6962 Merkle root of the first treeSize events in position order, hex. */
  readonly rootHash: string;
  /** When it was signed, ISO 8601 UTC. */
  readonly timestamp: string;
  readonly treeSize: number;
}

export interface SignedCheckpoint extends CheckpointBody {
  /** Ed25519 over the body's RFC 8785 canonical JSON, base64. */
  readonly signature: string;
}

/** The signed bytes: the body alone, as RFC 8785 canonical JSON (UTF-8). */
export const checkpointBytes = ({ logId, rootHash, timestamp, treeSize }: CheckpointBody): Buffer =>
  Buffer.from(canonicalize({ logId, rootHash, timestamp, treeSize }), 'utf8');

export function signCheckpoint(body: CheckpointBody, key: AuditSigningKey): SignedCheckpoint {
  const { logId, rootHash, timestamp, treeSize } = body;
  const signature = sign(null, checkpointBytes(body), key.privateKey).toString('base64');
  return { logId, rootHash, timestamp, treeSize, signature };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, checkpointBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
  } catch {
    return false;
  }
}

const HEX_HASH = /^[0-9a-f]{64}$/;

/** A checkpoint as JSON from outside (a file an auditor kept); undefined when it is not one. */
export function parseCheckpoint(value: unknown): SignedCheckpoint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { logId, rootHash, timestamp, treeSize, signature } = value as Record<string, unknown>;
  const valid =
    typeof logId === 'string' &&
    typeof rootHash === 'string' &&
    HEX_HASH.test(rootHash) &&
    typeof timestamp === 'string' &&
    typeof signature === 'string' &&
    Number.isSafeInteger(treeSize) &&
    (treeSize as number) >= 0;
  return valid ? { logId, rootHash, timestamp, treeSize: treeSize as number, signature } : undefined;
}
