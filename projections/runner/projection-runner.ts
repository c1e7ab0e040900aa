import pino from 'pino';
import { DocumentStore } from '../../src/platform/document-store/document-store.port';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { EventStore, Subscription } from '../../src/platform/event-store/event-store.port';
import { ChainVerifier } from '../../src/platform/integrity/chain-verifier';
import { IntegrityFailureError, KeyMissingError } from '../../src/platform/integrity/integrity-errors';
import { IntegrityMonitor } from '../../src/platform/integrity/integrity-monitor';
import {
  checkpointName,
  currentGeneration,
  physicalCollection,
} from '../../src/platform/read-models/generations';
import { logLacksLastEvent } from './last-event';
import { projectBatch } from './project-batch';
import { Projection } from './projection';
import { rebuild } from './rebuild';

export interface RunnerDeps {
  readonly events: EventStore;
  readonly documents: DocumentStore;
  readonly sealer: EventSealer;
  readonly logger: pino.Logger;
  /** This process, as a lease holder. */
  readonly holder: string;
  /** Tells a holder that is certainly gone (a crashed process on this host) so its lease is taken at once. */
  readonly abandoned?: (holder: string) => boolean;
  readonly leaseTtlMs?: number;
  /** Where a stalled projection or a broken stream is reported for health; the app's monitor in a real process. */
  readonly integrity?: IntegrityMonitor;
}

export interface RunnerStatus {
  readonly projection: string;
  readonly generation: string | undefined;
  readonly leaseHeld: boolean;
  readonly position: bigint | undefined;
  readonly head: bigint | undefined;
  readonly lag: bigint | undefined;
}

/**
 * Keeps one projection current: it projects only while it holds the projection's lease (one active runner
 * across instances), follows the event log from its checkpoint, and switches when a rebuild swaps generations.
 */
export class ProjectionRunner {
  private subscription: Subscription | undefined;
  private generation: string | undefined;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly integrity: IntegrityMonitor;

  constructor(
    private readonly projection: Projection,
    private readonly deps: RunnerDeps,
  ) {
    this.integrity = deps.integrity ?? new IntegrityMonitor();
  }

  /** Starts following the log; a stopped runner starts again from its checkpoint. */
  start(): void {
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.unsubscribe();
    await this.deps.documents.releaseLease(this.projection.name, this.deps.holder);
  }

  async status(): Promise<RunnerStatus> {
    const generation = this.generation;
    const position = generation
      ? await this.deps.documents.checkpoint(checkpointName(this.projection.name, generation))
      : undefined;
    const head = await this.deps.events.headPosition();
    const lag = head === undefined ? undefined : head - (position ?? 0n);
    return {
      projection: this.projection.name,
      generation,
      leaseHeld: this.subscription !== undefined,
      position,
      head,
      lag,
    };
  }

  private get ttl() {
    return this.deps.leaseTtlMs ?? 10_000;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        // Without a renewed lease (or after a failed automatic rebuild) stop projecting until a tick succeeds.
        this.deps.logger.error(
          { err: error, projection: this.projection.name },
          'projection tick failed (lease renewal or automatic rebuild); not projecting until the next tick succeeds',
        );
        await this.unsubscribe().catch(() => undefined);
      }
      // A stop() that came during the tick must not wait out the interval; a wake-up clears the timer.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.ttl / 3);
        this.wake = () => (clearTimeout(timer), resolve());
        if (this.stopped) this.wake();
      });
    }
  }

  /** Renews the lease, and (re)subscribes or unsubscribes as the lease and the generation require. */
  private async tick(): Promise<void> {
    const held = await this.deps.documents.acquireLease(
      this.projection.name,
      this.deps.holder,
      this.ttl,
      undefined, // the store's clock: MongoDB's server time, so drifting instances agree
      this.deps.abandoned,
    );
    const generation = await currentGeneration(this.deps.documents, this.projection.name);
    // A checkpoint that passed the log's head means the log went back in time: resubscribing rebuilds.
    const ahead = this.subscription && (await this.checkpointAhead(generation));
    if (!held || generation !== this.generation || ahead) await this.unsubscribe();
    if (held && !this.subscription && !this.stopped) await this.subscribe(generation);
  }

  /**
   * The checkpoint and head when the log went back in time under the read model (restored from an older copy): the
   * checkpoint is beyond the head, or the log no longer holds the last event the read model committed.
   */
  private async checkpointAhead(generation: string) {
    const name = checkpointName(this.projection.name, generation);
    const checkpoint = await this.deps.documents.checkpoint(name);
    if (checkpoint === undefined) return undefined;
    const head = await this.deps.events.headPosition();
    const behind =
      head === undefined ||
      checkpoint > head ||
      (await logLacksLastEvent(this.deps.events, this.deps.documents, name, generation));
    return behind ? { checkpoint, head } : undefined;
  }

  private async subscribe(generation: string): Promise<void> {
    const { documents, sealer, logger } = this.deps;
    const name = this.projection.name;
    for (const [collection, indexes] of Object.entries(this.projection.collections)) {
      await documents.ensureIndexes(physicalCollection(collection, generation), indexes);
    }
    const checkpoint = checkpointName(name, generation);
    await documents.recover(checkpoint);
    const ahead = await this.checkpointAhead(generation);
    // Following from there would skip every event appended below the checkpoint: rebuild, never skip.
    if (ahead) return this.subscribe(await this.rebuildBehindLog(ahead));
    const after = await documents.checkpoint(checkpoint);
    this.generation = generation;
    const target = {
      documents,
      sealer,
      checkpoint,
      writeChanges: true,
      physical: (c: string) => physicalCollection(c, generation),
      verifier: new ChainVerifier(this.deps.events),
    };
    this.subscription = this.deps.events.subscribeToAll(
      async (batch) => {
        await projectBatch(this.projection, batch, target);
        this.integrity.projectionRunning(name);
      },
      {
        after,
        onDrop: (error) => {
          logger.warn({ err: error, projection: name }, 'projection subscription dropped; resuming');
          // Stalled, not skipping: the same batch is tried again (with backoff) until it projects.
          this.integrity.projectionStalled(name, error);
          if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
            this.integrity.streamFailed(error);
        },
      },
    );
    logger.info(
      { projection: this.projection.name, generation, from: after?.toString() ?? 'start' },
      'projecting',
    );
  }

  private async rebuildBehindLog({ checkpoint, head }: { checkpoint: bigint; head: bigint | undefined }) {
    this.deps.logger.error(
      {
        projection: this.projection.name,
        checkpoint: checkpoint.toString(),
        head: head?.toString() ?? 'empty',
      },
      'the event log lacks what the read model has seen (a log restored from an older copy?): rebuilding it',
    );
    try {
      return await rebuild(this.projection, this.deps);
    } catch (error) {
      this.integrity.projectionStalled(this.projection.name, error);
      throw error;
    }
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    // Another instance may project it now: this one no longer speaks for it.
    this.integrity.projectionReleased(this.projection.name);
  }
}
