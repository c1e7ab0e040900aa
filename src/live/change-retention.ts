import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DOCUMENT_STORE, DocumentStore } from '../platform/document-store/document-store.port';
import { ChangeTailer } from './change-tailer';
import { LIVE_CONFIG, LiveConfig } from './live.config';
import { retentionStep } from './retention-marks';

const LEASE = 'live-retention';

/**
 * Trims the change log to the retention window, on one instance at a time (a lease). It records how far it
 * trims before trimming, so a resume from before that point is told to refetch rather than given a gap.
 */
@Injectable()
export class ChangeRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly holder = `live:${randomUUID()}`;
  private readonly logger = new Logger('Live');

  constructor(
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly tailer: ChangeTailer,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.running
        .then(() => this.trim(new Date()))
        .catch((error: unknown) => {
          this.logger.error(`live retention failed: ${error instanceof Error ? error.stack : error}`);
        });
    }, this.config.trimIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.documents.releaseLease(LEASE, this.holder);
  }

  /** One step: mark where the log is now and trim up to the newest mark older than the window. */
  async trim(now: Date): Promise<void> {
    const reached = this.tailer.position;
    if (reached === undefined) return;
    const ttl = this.config.trimIntervalMs * 3;
    if (!(await this.documents.acquireLease(LEASE, this.holder, ttl))) return;
    const { writes, cut } = await retentionStep(
      this.documents,
      now.getTime(),
      reached,
      this.config.retentionMs,
    );
    await this.documents.commit({ writes, changes: [], checkpoint: { name: LEASE, position: reached } });
    if (cut !== undefined) await this.documents.trimChanges(cut);
  }
}
