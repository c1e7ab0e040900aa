import { createHash, randomUUID } from 'node:crypto';
import { Actor } from '../../platform/domain/decider';
import { conflict } from '../../platform/domain/domain-errors';
import { Clock } from '../../platform/clock';
import { EventLog } from '../../platform/event-log/event-log';
import { WrongExpectedRevisionError } from '../../platform/event-store/event-store.errors';
import { RecordedEvent } from '../../platform/event-store/stored-event';
import { MerkleTreeStore, TreeHead } from '../tree/merkle-tree-store';
import { checkpointBytes, SignedCheckpoint, signCheckpoint } from './checkpoint';
import { CHECKPOINT_STREAM, checkpointOf, checkpointSigned } from './checkpoint-stream';
import { CheckpointWitnesses } from './checkpoint-witnesses';
import { AuditSigningKey } from './signing-key';

const ATTEMPTS = 5;

export interface MadeCheckpoint {
  readonly checkpoint: SignedCheckpoint;
  /** False when the latest checkpoint already covered everything in the log but itself. */
  readonly created: boolean;
}

/** Signs checkpoints of the whole log and appends them to the log's own checkpoint stream. */
export class CheckpointMaker {
  constructor(
    private readonly tree: MerkleTreeStore,
    private readonly log: EventLog,
    private readonly key: AuditSigningKey,
    private readonly clock: Clock,
    private readonly witnesses?: CheckpointWitnesses,
  ) {}

  /**
   * A new checkpoint when the log grew since the latest one, or else the latest; undefined while the log is empty.
   * `by` is who asked (none: the periodic runner).
   */
  async make(by?: Actor): Promise<MadeCheckpoint | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const head = await this.tree.catchUp();
      const [last] = await this.log.store.readStream(CHECKPOINT_STREAM, {
        direction: 'backwards',
        maxCount: 1,
      });
      const latest = last && checkpointOf(last);
      if (latest && !(await this.grewSince(latest, head))) return { checkpoint: latest, created: false };
      if (head.size === 0) return undefined;
      const checkpoint = signCheckpoint(
        {
          logId: this.key.logId,
          rootHash: (await this.tree.root(head.size)).toString('hex'),
          timestamp: this.clock.now().toISOString(),
          treeSize: head.size,
        },
        this.key,
      );
      try {
        await this.append(checkpoint, last, by);
      } catch (error) {
        // Another instance signed one meanwhile: look again.
        if (error instanceof WrongExpectedRevisionError) continue;
        throw error;
      }
      await this.tree.catchUp();
      await this.witnesses?.send(checkpoint);
      return { checkpoint, created: true };
    }
    throw conflict('checkpoint_contended', 'Other instances kept signing checkpoints; try again');
  }

  /** Whether the log holds anything after the checkpoint's tree besides the checkpoint event itself. */
  private async grewSince(latest: SignedCheckpoint, head: TreeHead): Promise<boolean> {
    const after = head.size - latest.treeSize;
    if (after !== 1) return after > 1;
    const leaf = (await this.tree.leaves([latest.treeSize])).get(latest.treeSize);
    return leaf?.leaf?.stream !== CHECKPOINT_STREAM;
  }

  private async append(checkpoint: SignedCheckpoint, last: RecordedEvent | undefined, by?: Actor) {
    const commandId = randomUUID();
    await this.log.append(
      CHECKPOINT_STREAM,
      [checkpointSigned(checkpoint)],
      last ? last.revision : 'no_stream',
      {
        actor: by?.id ?? null,
        role: by?.role ?? 'system',
        commandId,
        requestDigest: createHash('sha256').update(checkpointBytes(checkpoint)).digest('hex'),
        correlationId: commandId,
        causationId: commandId,
        occurredAt: checkpoint.timestamp,
      },
    );
  }
}
