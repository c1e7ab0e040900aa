import { DocumentStore } from '../document-store/document-store.port';
import { EventStore } from '../event-store/event-store.port';
import { checkpointName, currentGeneration, physicalCollection } from './generations';

const ALIAS_TTL_MS = 250;
const POLL_MS = 10;
/** How long a query waits for the projections to reach the position a client asks for, unless configured. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

/** Where queries find a read model (its current generation) and how far it has caught up. */
export class ReadModels {
  private readonly generations = new Map<string, { generation: string; until: number }>();

  constructor(
    readonly documents: DocumentStore,
    private readonly events: EventStore,
    /** The read-your-writes bound (SUARA_READ_WAIT_MS). */
    private readonly waitMs = READ_YOUR_WRITES_TIMEOUT_MS,
  ) {}

  private async generation(projection: string): Promise<string> {
    const cached = this.generations.get(projection);
    if (cached && cached.until > Date.now()) return cached.generation;
    const generation = await currentGeneration(this.documents, projection);
    this.generations.set(projection, { generation, until: Date.now() + ALIAS_TTL_MS });
    return generation;
  }

  async collection(projection: string, collection: string): Promise<string> {
    return physicalCollection(collection, await this.generation(projection));
  }

  async position(projection: string): Promise<bigint> {
    return (
      (await this.documents.checkpoint(checkpointName(projection, await this.generation(projection)))) ?? 0n
    );
  }

  /**
   * Waits (bounded) until the read model reflects `minPosition`; returns the position it reflects now. A position
   * beyond the log's head (a log restored from an older copy, or a made-up number) is not waited for.
   */
  async reached(
    projection: string,
    minPosition: bigint | undefined,
    timeoutMs = this.waitMs,
  ): Promise<bigint> {
    const deadline = Date.now() + timeoutMs;
    let position = await this.position(projection);
    if (minPosition === undefined || position >= minPosition) return position;
    if (minPosition > ((await this.events.headPosition()) ?? 0n)) return position;
    while (position < minPosition && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      position = await this.position(projection);
    }
    return position;
  }
}
