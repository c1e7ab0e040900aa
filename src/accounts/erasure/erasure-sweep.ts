import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DOCUMENT_STORE, DocumentStore } from '../../platform/document-store/document-store.port';
import { EventLog } from '../../platform/event-log/event-log';
import { RecordedEvent } from '../../platform/event-store/stored-event';
import { AccountErased } from '../domain/account.events';
import { ErasureCompletion } from './erasure-completion';

/** The sweep's own checkpoint in the document store: every erasure before it is complete. */
export const SWEEP_CHECKPOINT = 'erasure-sweep';
const SWEEP_INTERVAL_MS = 15_000;
/** Shorter than a request's wait, so a shutdown never waits long for a sweep. */
const SWEEP_WAIT_MS = 2_000;
const BATCH = 500;

/**
 * Finishes erasures a crash (or slow read models) left unfinished: at start-up and every 15 s it reads the log from
 * its checkpoint, and completes every AccountErased whose person's key still exists. It stops at the first one that
 * cannot complete yet, so its checkpoint never passes an unfinished erasure. Every instance sweeps; steps repeat safely.
 */
@Injectable()
export class ErasureSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Erasure');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly log: EventLog,
    private readonly completion: ErasureCompletion,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  onApplicationBootstrap(): void {
    void this.trigger();
    this.timer = setInterval(() => void this.trigger(), SWEEP_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep at a time; a failed one is logged and the next interval tries again. */
  trigger(): Promise<void> {
    this.running ??= this.sweep()
      .catch((error: unknown) =>
        this.logger.error(`erasure sweep failed: ${error instanceof Error ? error.stack : error}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweep(): Promise<void> {
    let after = await this.documents.checkpoint(SWEEP_CHECKPOINT);
    for (;;) {
      const batch = await this.log.store.readAll({ after, maxCount: BATCH });
      if (batch.length === 0) return;
      for (const recorded of batch) {
        if (recorded.type === 'AccountErased' && !(await this.completed(recorded)))
          return this.saveCheckpoint(after);
        after = recorded.position;
      }
      await this.saveCheckpoint(after);
    }
  }

  /** Complete already when the key is gone: the sealed account id then reads as null. */
  private async completed(recorded: RecordedEvent): Promise<boolean> {
    const { event } = await this.log.sealer.open<AccountErased>(recorded);
    const accountId = event.data.accountId;
    return accountId === null || this.completion.complete(accountId, recorded.position, SWEEP_WAIT_MS);
  }

  private async saveCheckpoint(position: bigint | undefined): Promise<void> {
    if (position === undefined) return;
    await this.documents.commit({
      writes: [],
      changes: [],
      checkpoint: { name: SWEEP_CHECKPOINT, position },
    });
  }
}
