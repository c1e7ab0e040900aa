import pino from 'pino';
import { DocumentStore } from '../../src/platform/document-store/document-store.port';
import { EventSealer } from '../../src/platform/event-log/event-sealer';
import { EventStore, Subscription } from '../../src/platform/event-store/event-store.port';
import {
  checkpointName,
  currentGeneration,
  physicalCollection,
} from '../../src/platform/read-models/generations';
import { projectBatch } from './project-batch';
import { Projection } from './projection';

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

  constructor(
    private readonly projection: Projection,
    private readonly deps: RunnerDeps,
  ) {}

  start(): void {
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
        // Without a renewed lease another instance may take over: stop projecting until renewal succeeds.
        this.deps.logger.error(
          { err: error, projection: this.projection.name },
          'projection lease renewal failed',
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
      new Date(),
      this.deps.abandoned,
    );
    const generation = await currentGeneration(this.deps.documents, this.projection.name);
    if (!held || generation !== this.generation) await this.unsubscribe();
    if (held && !this.subscription && !this.stopped) await this.subscribe(generation);
  }

  private async subscribe(generation: string): Promise<void> {
    const { documents, sealer, logger } = this.deps;
    for (const [collection, indexes] of Object.entries(this.projection.collections)) {
      await documents.ensureIndexes(physicalCollection(collection, generation), indexes);
    }
    const checkpoint = checkpointName(this.projection.name, generation);
    await documents.recover(checkpoint);
    const after = await documents.checkpoint(checkpoint);
    this.generation = generation;
    const target = {
      documents,
      sealer,
      checkpoint,
      writeChanges: true,
      physical: (c: string) => physicalCollection(c, generation),
    };
    this.subscription = this.deps.events.subscribeToAll(
      (batch) => projectBatch(this.projection, batch, target).then(() => undefined),
      {
        after,
        onDrop: (error) =>
          logger.warn(
            { err: error, projection: this.projection.name },
            'projection subscription dropped; resuming',
          ),
      },
    );
    logger.info(
      { projection: this.projection.name, generation, from: after?.toString() ?? 'start' },
      'projecting',
    );
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }
}
