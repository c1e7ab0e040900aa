import { DomainEvent } from '../../platform/domain/decider';
import { EventEnvelope } from '../../platform/event-store/stored-event';
import { parseCheckpoint, SignedCheckpoint } from './checkpoint';

/**
 * Checkpoints are events of one stream of the log itself: hash-chained like every other, kept and backed up with
 * the log, and covered in turn by the next checkpoint's tree.
 */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_SIGNED = 'CheckpointSigned';

export type CheckpointSigned = DomainEvent<typeof CHECKPOINT_SIGNED, SignedCheckpoint>;

export const checkpointSigned = (checkpoint: SignedCheckpoint): CheckpointSigned => ({
  type: CHECKPOINT_SIGNED,
  data: checkpoint,
});

/** The checkpoint a stored event carries, if it is one. */
export const checkpointOf = (event: EventEnvelope): SignedCheckpoint | undefined =>
  event.stream === CHECKPOINT_STREAM && event.type === CHECKPOINT_SIGNED
    ? parseCheckpoint(event.data)
    : undefined;
