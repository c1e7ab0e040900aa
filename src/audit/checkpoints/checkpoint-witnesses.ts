import { createHash } from 'node:crypto';
import {
  OutgoingMessages,
  Recipient,
  recipientAddress,
} from '../../platform/messages/outgoing-messages.port';
import { SignedCheckpoint } from './checkpoint';

export interface WitnessLog {
  warn(message: string): void;
}

/**
 * Sends each new checkpoint to outside witnesses through the outgoing-message port. A witness that keeps every
 * checkpoint it receives can later show two that no single history satisfies: a fork the operator cannot hide.
 */
export class CheckpointWitnesses {
  constructor(
    private readonly messages: OutgoingMessages,
    private readonly recipients: readonly Recipient[],
    private readonly log: WitnessLog,
  ) {}

  /** Delivery failures are logged, never thrown: the checkpoint stands in the log whether or not a witness got it. */
  async send(checkpoint: SignedCheckpoint): Promise<void> {
    await Promise.all(
      this.recipients.map(async (to) => {
        // Stable across retries, so a witness that sees it twice can drop the copy.
        const id = createHash('sha256')
          .update(
            `${checkpoint.logId}:${checkpoint.treeSize}:${checkpoint.signature}:${recipientAddress(to)}`,
          )
          .digest('hex');
        try {
          await this.messages.send({
            id,
            kind: 'checkpoint_witness',
            to,
            subject: `Suara Warga checkpoint: ${checkpoint.treeSize} events`,
            text: JSON.stringify(checkpoint),
          });
        } catch (error) {
          this.log.warn(
            `Checkpoint ${checkpoint.treeSize} did not reach witness ${recipientAddress(to)}: ${error}`,
          );
        }
      }),
    );
  }
}
