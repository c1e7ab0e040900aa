import { Command, Decider, DomainEvent } from '../domain/decider';
import { OpenedEvent } from './event-sealer';

/** A command already processed in a stream: the request its retry must match, and the last event it left. */
export interface ProcessedCommand {
  readonly requestDigest: string;
  readonly position: bigint;
  readonly revision: number;
}

/** A stream's last event as a fold saw it, verified. */
export interface FoldHead {
  readonly revision: number;
  readonly hash: string;
  readonly position: bigint;
}

/** A stream folded by one decider up to its head, with the commands processed in it (for idempotency). */
export interface StreamFold<S> {
  readonly state: S;
  readonly head: FoldHead | undefined;
  /** Add-only: a fold taken by two commands at once may gain entries of events after its own head, all real. */
  readonly commands: Map<string, ProcessedCommand>;
  /** The data keys its events were sealed with: once one is erased, the fold is made again from the log. */
  readonly keyIds: Set<string>;
  /** How many events this fold read from the store (0: nothing new since the cached fold). */
  readonly eventsRead: number;
}

type AnyDecider = Decider<Command, DomainEvent, unknown>;

/** Folds `events` onto `fold` (or onto the decider's initial state): the one place a stream's state is evolved. */
export function extendFold<E extends DomainEvent, S>(
  decider: Decider<Command, E, S>,
  events: readonly OpenedEvent<E>[],
  fold?: StreamFold<S>,
): StreamFold<S> {
  let state = fold ? fold.state : decider.initialState;
  let head = fold?.head;
  const commands = fold?.commands ?? new Map<string, ProcessedCommand>();
  const keyIds = fold?.keyIds ?? new Set<string>();
  for (const { event, metadata, recorded } of events) {
    state = decider.evolve(state, event);
    head = { revision: recorded.revision, hash: recorded.hash, position: recorded.position };
    commands.set(metadata.commandId, {
      requestDigest: metadata.requestDigest,
      position: recorded.position,
      revision: recorded.revision,
    });
    for (const id of recorded.keyIds) keyIds.add(id);
  }
  return { state, head, commands, keyIds, eventsRead: events.length };
}

/**
 * The latest fold of recently used streams, so a command on a long stream reads and verifies only the events
 * appended since (chained onto the verified head), not the whole history again. Least recently used go first.
 */
export class StreamFolds {
  private readonly folds = new Map<string, { decider: AnyDecider; fold: StreamFold<unknown> }>();

  constructor(readonly capacity = 2_000) {}

  get<S>(stream: string, decider: Decider<Command, DomainEvent, S>): StreamFold<S> | undefined {
    const entry = this.folds.get(stream);
    if (!entry || entry.decider !== decider) return undefined;
    this.folds.delete(stream);
    this.folds.set(stream, entry);
    return entry.fold as StreamFold<S>;
  }

  /** Keeps `fold` unless a fold further along the stream is already kept (commands finish out of order). */
  keep<S>(stream: string, decider: Decider<Command, DomainEvent, S>, fold: StreamFold<S>): void {
    if (this.capacity === 0 || !fold.head) return;
    const kept = this.folds.get(stream);
    if (kept && kept.decider === decider && kept.fold.head!.revision >= fold.head.revision) return;
    this.folds.delete(stream);
    this.folds.set(stream, { decider: decider as AnyDecider, fold });
    if (this.folds.size > this.capacity) this.folds.delete(this.folds.keys().next().value!);
  }

  forget(stream: string): void {
    this.folds.delete(stream);
  }

  get size(): number {
    return this.folds.size;
  }
}
