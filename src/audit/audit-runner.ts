import { DocumentStore } from '../platform/document-store/document-store.port';
import { IntegrityFailureError, KeyMissingError } from '../platform/integrity/integrity-errors';
import { IntegrityMonitor } from '../platform/integrity/integrity-monitor';
import { CheckpointMaker } from './checkpoints/checkpoint-maker';
import { MerkleTreeStore } from './tree/merkle-tree-store';

export const AUDIT_LEASE = 'audit-checkpoints';

export interface AuditRunnerOptions {
  readonly intervalMs: number;
  /** This process, as a lease holder. */
  readonly holder: string;
  readonly abandoned?: (holder: string) => boolean;
  readonly leaseTtlMs?: number;
  readonly integrity: IntegrityMonitor;
  readonly logger: { error(message: string): void; log(message: string): void };
}

/**
 * Keeps the Merkle tree following the log and signs a checkpoint every interval when the log grew: only while it
 * holds the lease, so one instance does it. The interval runs on the process's own timer, never the domain clock,
 * so a test that moves the clock days ahead does not cause checkpoints.
 */
export class AuditRunner {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private due: number;

  constructor(
    private readonly tree: MerkleTreeStore,
    private readonly maker: CheckpointMaker,
    private readonly documents: DocumentStore,
    private readonly options: AuditRunnerOptions,
  ) {
    this.due = performance.now() + options.intervalMs;
  }

  private get ttl(): number {
    return this.options.leaseTtlMs ?? 10_000;
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.documents.releaseLease(AUDIT_LEASE, this.options.holder);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
          this.options.integrity.streamFailed(error);
        this.options.logger.error(`Audit checkpoints stalled: ${(error as Error)?.message ?? error}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(this.ttl / 3, this.options.intervalMs));
        this.wake = () => (clearTimeout(timer), resolve());
        if (this.stopped) this.wake();
      });
    }
  }

  private async tick(): Promise<void> {
    const { holder, abandoned } = this.options;
    const held = await this.documents.acquireLease(AUDIT_LEASE, holder, this.ttl, undefined, abandoned);
    if (!held || this.stopped) return;
    await this.tree.catchUp();
    if (performance.now() < this.due) return;
    this.due = performance.now() + this.options.intervalMs;
    const made = await this.maker.make();
    if (made?.created) this.options.logger.log(`Signed checkpoint of ${made.checkpoint.treeSize} events`);
  }
}
