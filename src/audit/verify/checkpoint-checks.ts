import { KeyObject } from 'node:crypto';
import { checkpointSignatureValid, SignedCheckpoint } from '../checkpoints/checkpoint';
import { CHECKPOINT_STREAM } from '../checkpoints/checkpoint-stream';
import { logIdOf } from '../checkpoints/signing-key';
import { verifyConsistency } from '../merkle/merkle-verify';
import { LogScan } from './log-scan';

/** What one check concluded: a one-line verdict, and the tree size where the log stopped matching, if it did. */
export interface Verdict {
  readonly ok: boolean;
  readonly line: string;
  readonly mismatchAt?: number;
}

const hex = (hash: Buffer) => hash.toString('hex');

const nameOf = (checkpoint: SignedCheckpoint) =>
  `the checkpoint of ${checkpoint.treeSize} events signed ${checkpoint.timestamp}`;

/** Why a checkpoint does not hold for this log now; undefined when it does. */
function checkpointProblem(
  scan: LogScan,
  checkpoint: SignedCheckpoint,
  publicKey: KeyObject,
): { reason: string; mismatchAt?: number } | undefined {
  if (checkpoint.logId !== logIdOf(publicKey) || !checkpointSignatureValid(checkpoint, publicKey))
    return { reason: `it is not signed by this log's key (logId ${logIdOf(publicKey)})` };
  if (checkpoint.treeSize > scan.events)
    return {
      reason: `it covers more events than the log now holds (${scan.events}): events were removed`,
      mismatchAt: checkpoint.treeSize,
    };
  const root = hex(scan.tree.root(checkpoint.treeSize));
  if (root !== checkpoint.rootHash)
    return {
      reason: `the log's first ${checkpoint.treeSize} events now hash to ${root}, not ${checkpoint.rootHash}`,
      mismatchAt: checkpoint.treeSize,
    };
  return undefined;
}

/** Every checkpoint the log holds: signed by the key, and its root recomputed from the log as it is now. */
export function checkCheckpoints(scan: LogScan, publicKey: KeyObject | undefined): Verdict {
  if (scan.checkpoints.length === 0)
    return { ok: true, line: 'none signed yet: until the first, only the hash chains protect the log' };
  if (!publicKey)
    return { ok: false, line: 'no public key to check them with: pass --public-key <file> (PEM)' };
  for (const { checkpoint } of scan.checkpoints) {
    const problem = checkpointProblem(scan, checkpoint, publicKey);
    if (problem)
      return { ok: false, line: `${nameOf(checkpoint)}: ${problem.reason}`, mismatchAt: problem.mismatchAt };
  }
  const latest = scan.checkpoints[scan.checkpoints.length - 1].checkpoint;
  const after = scan.leaves.slice(latest.treeSize).filter((leaf) => leaf.stream !== CHECKPOINT_STREAM).length;
  return {
    ok: true,
    line:
      `${scan.checkpoints.length} checked; the latest covers ${latest.treeSize} events (signed ${latest.timestamp}); ` +
      `${after} event(s) after it are protected by the chains alone`,
  };
}

/** A checkpoint an auditor kept: does the log as it is now extend it? */
export function checkKept(scan: LogScan, kept: SignedCheckpoint, publicKey: KeyObject | undefined): Verdict {
  if (!publicKey)
    return { ok: false, line: 'no public key to check it with: pass --public-key <file> (PEM)' };
  const problem = checkpointProblem(scan, kept, publicKey);
  if (problem)
    return {
      ok: false,
      line: `the log does NOT extend the checkpoint you kept (${nameOf(kept)}): ${problem.reason}`,
      mismatchAt: problem.mismatchAt,
    };
  // Prove it against the latest signed checkpoint when that covers it, as an outsider would with the public routes.
  const latest = scan.checkpoints.at(-1)?.checkpoint;
  const to = latest && latest.treeSize >= kept.treeSize ? latest.treeSize : scan.events;
  const proof = scan.tree.consistencyProof(kept.treeSize, to);
  const proven = verifyConsistency(
    kept.treeSize,
    to,
    Buffer.from(kept.rootHash, 'hex'),
    scan.tree.root(to),
    proof,
  );
  return proven
    ? {
        ok: true,
        line: `the log extends it: ${kept.treeSize} → ${to} events, consistency proof of ${proof.length} hash(es) verified`,
      }
    : { ok: false, line: `the consistency proof from ${kept.treeSize} to ${to} events does not verify` };
}
