import { KeyObject } from 'node:crypto';
import { withholdField } from '../../platform/event-store/event-hash';
import { positionToString, RecordedEvent } from '../../platform/event-store/stored-event';
import { isEncrypted } from '../../platform/personal-data/field-cipher';
import { SignedCheckpoint } from '../checkpoints/checkpoint';
import { publicKeyInfo } from '../checkpoints/signing-key';
import { MemoryMerkleTree } from '../merkle/memory-merkle-tree';

export const EXPORT_FORMAT = 'suara-warga-audit-export/1';

/** The first line: which log, and the key its checkpoints are signed with (an auditor compares it with their own copy). */
export function headerLine(publicKey: KeyObject, from: bigint, to: bigint) {
  const { publicKeyPem, logId } = publicKeyInfo(publicKey);
  return {
    kind: 'log',
    format: EXPORT_FORMAT,
    logId,
    publicKey: publicKeyPem,
    from: positionToString(from),
    to: positionToString(to),
  };
}

export const checkpointLine = (checkpoint: SignedCheckpoint) => ({ kind: 'checkpoint', ...checkpoint });

/**
 * An event as stored, with every personal field (sealed with a person's key) replaced by its digest: the hash still
 * verifies, and no one's personal data, erased or not, leaves in an export. Withheld fields already are digests.
 */
export function exportedEvent(event: RecordedEvent) {
  let open: RecordedEvent = event;
  for (const section of ['data', 'metadata'] as const)
    for (const [field, value] of Object.entries(event[section]))
      if (isEncrypted(value)) open = withholdField(open, `${section}.${field}`);
  const { id, stream, revision, type, schemaVersion, data, metadata, previousHash, keyIds, hash } = open;
  return {
    id,
    stream,
    revision,
    type,
    schemaVersion,
    data,
    metadata,
    previousHash,
    keyIds,
    hash,
    position: positionToString(event.position),
  };
}

/** One event with its inclusion proof in the tree of the checkpoint that covers it. */
export const eventLine = (
  event: RecordedEvent,
  leafIndex: number,
  tree: MemoryMerkleTree,
  treeSize: number,
) => ({
  kind: 'event',
  leafIndex,
  treeSize,
  proof: tree.inclusionProof(leafIndex, treeSize).map((hash) => hash.toString('hex')),
  event: exportedEvent(event),
});
