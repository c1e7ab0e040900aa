import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DOCUMENT_STORE, DocumentStore } from '../../platform/document-store/document-store.port';
import { EventLog } from '../../platform/event-log/event-log';
import { RecordedEvent } from '../../platform/event-store/stored-event';
import { AccountErased } from '../domain/account.events';
import { ErasureCompletion } from './erasure-completion';
import { yieldToIo } from '../../platform/yield-to-io';

/** The sweep's own checkpoint in the document store: every erasure before it is complete. */
export const SWEEP_CHECKPOINT = 'erasure-sweep';
const SWEEP_INTERVAL_MS = 15_000;
/** An erasure waiting for the read models (starting up, catching up) is tried again soon, then less often. */
const FIRST_RETRY_MS = 1_000;
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
  private retry?: NodeJS.Timeout;
  private retryMs = FIRST_RETRY_MS;
  private running?: Promise<void>;
  private stopped = false;

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
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.retry);
    await this.running;
  }

  /** One sweep at a time; a failed one is logged and the next interval tries again. */
  trigger(): Promise<void> {
    this.running ??= this.sweep()
      .then((finished) => this.retryIf(!finished))
      .catch((error: unknown) =>
        this.logger.error(`erasure sweep failed: ${error instanceof Error ? error.stack : error}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private retryIf(unfinished: boolean): void {
    if (!unfinished || this.stopped) {
      this.retryMs = FIRST_RETRY_MS;
      return;
    }
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.trigger(), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, SWEEP_INTERVAL_MS);
  }

  /** False when it stopped at an erasure that cannot complete yet. */
  private async sweep(): Promise<boolean> {
    let after = await this.documents.checkpoint(SWEEP_CHECKPOINT);
    for (;;) {
      const batch = await this.log.store.readAll({ after, maxCount: BATCH });
      if (batch.length === 0) return true;
      for (const recorded of batch) {
        if (recorded.type === 'AccountErased' && !(await this.completed(recorded))) {
          await this.saveCheckpoint(after);
          return false;
        }
        after = recorded.position;
      }
      await this.saveCheckpoint(after);
      await yieldToIo();
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
