import { DocumentStore } from '../../platform/document-store/document-store.port';
import { Clock } from '../../platform/clock';
import { DELIVERY_CURSOR, DELIVERY_LEASE } from './delivery-record';
import { DeliveryPlanner } from './delivery-planner';
import { DeliverySender } from './delivery-sender';
import { yieldToIo } from '../../platform/yield-to-io';

export interface WorkerOptions {
  /** This process, as a lease holder. */
  readonly holder: string;
  readonly abandoned?: (holder: string) => boolean;
  readonly leaseTtlMs: number;
  readonly pollMs: number;
  readonly logger: { error(message: string): void };
}

/**
 * The delivery outbox's one worker across instances (a lease): it records new notifications' messages, then sends
 * what is due. Its pace is the process's own timer; what is due is read from the injected clock, so tests move time.
 */
export class DeliveryWorker {
  private stopped = false;
  /** Whether this holding of the lease has finished what a crashed holder left half-saved. */
  private recovered = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly documents: DocumentStore,
    private readonly planner: DeliveryPlanner,
    private readonly sender: DeliverySender,
    private readonly clock: Clock,
    private readonly options: WorkerOptions,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  /** Runs a round now rather than at the next poll (tests, and a notification that just arrived). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.documents.releaseLease(DELIVERY_LEASE, this.options.holder);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let more = false;
      try {
        more = await this.round();
      } catch (error) {
        this.options.logger.error(`notification delivery round failed: ${(error as Error)?.stack ?? error}`);
      }
      if (more) {
        await yieldToIo();
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(this.options.pollMs, this.options.leaseTtlMs / 3));
        this.wake = () => (clearTimeout(timer), resolve());
        if (this.stopped) this.wake();
      });
    }
  }

  /** True when a full page suggests more work right away. */
  private async round(): Promise<boolean> {
    if (!(await this.holding())) return (this.recovered = false);
    if (!this.recovered) {
      // A digest saved without all of its members folded would send them again (servers without transactions).
      await this.documents.recover(DELIVERY_CURSOR);
      this.recovered = true;
    }
    const planned = await this.planner.planNext(this.clock.now());
    if (this.stopped) return false;
    const sent = await this.sender.sendDue(this.clock.now(), () => this.holding());
    return planned || sent;
  }

  /** Takes or renews the lease; false once stopping. */
  private async holding(): Promise<boolean> {
    const { holder, leaseTtlMs, abandoned } = this.options;
    const held = await this.documents.acquireLease(DELIVERY_LEASE, holder, leaseTtlMs, undefined, abandoned);
    return held && !this.stopped;
  }
}
