import { Command, Decider, DomainEvent } from '../domain/decider';
import { EventLog } from '../event-log/event-log';
import { EventMetadata } from '../event-log/event-metadata';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { DomainError } from '../domain/domain-errors';
import { metrics } from '../metrics/metrics';
import { ConcurrencyRetriesExhaustedError, IdempotencyKeyReusedError } from './command-errors';

/** Between conflicting attempts: a random wait below a cap that doubles, so colliding commands spread out. */
export interface RetryPolicy {
  readonly maxAttempts: number;
  delayMs(attempt: number): number;
}

const BASE_RETRY_DELAY_MS = 2;
export const MAX_RETRY_DELAY_MS = 100;

/** "Full jitter" backoff: uniformly random in [0, min(cap, base·2^attempt)). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(MAX_RETRY_DELAY_MS, BASE_RETRY_DELAY_MS * 2 ** attempt));
}

/** Enough attempts that 64 concurrent commands on one stream (a busy thread) all get through: ~20 measured. */
export const jitteredRetries: RetryPolicy = { maxAttempts: 50, delayMs: (attempt) => retryDelayMs(attempt) };

export interface CommandRequest<C extends Command> {
  readonly stream: string;
  readonly command: C;
  readonly commandId: string;
  readonly requestDigest: string;
  readonly correlationId: string;
  readonly causationId?: string;
}

export interface CommandResult {
  /** Position of the command's last event (or the stream head when it changed nothing). */
  readonly position: bigint | undefined;
  readonly revision: number | undefined;
  /** True when this was a retry of a command already processed: nothing was decided again. */
  readonly replayed: boolean;
}

/** How a command that threw ended, for its latency metric: refused by the domain, conflicted, or failed. */
function outcomeOf(error: unknown): string {
  if (error instanceof DomainError || error instanceof IdempotencyKeyReusedError) return 'refused';
  return error instanceof ConcurrencyRetriesExhaustedError ? 'conflict' : 'error';
}

/** The one read → fold → decide → append path every command handler takes, with idempotency and retries. */
export async function handleCommand<C extends Command, E extends DomainEvent, S>(
  log: EventLog,
  decider: Decider<C, E, S>,
  request: CommandRequest<C>,
  retries: RetryPolicy = jitteredRetries,
): Promise<CommandResult> {
  const stop = metrics.commandDuration.startTimer({ command: request.command.type });
  try {
    const result = await decideAndAppend(log, decider, request, retries);
    stop({ outcome: result.replayed ? 'replayed' : 'ok' });
    return result;
  } catch (error) {
    stop({ outcome: outcomeOf(error) });
    throw error;
  }
}

async function decideAndAppend<C extends Command, E extends DomainEvent, S>(
  log: EventLog,
  decider: Decider<C, E, S>,
  request: CommandRequest<C>,
  retries: RetryPolicy,
): Promise<CommandResult> {
  for (let attempt = 1; attempt <= retries.maxAttempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, retries.delayMs(attempt - 1)));
    let fold = await log.fold(request.stream, decider);
    // A conflict, yet nothing new after the kept fold's head: that fold is not the stream's; read it whole.
    if (attempt > 1 && fold.eventsRead === 0) {
      log.forgetFold(request.stream);
      fold = await log.fold(request.stream, decider);
    }
    const prior = fold.commands.get(request.commandId);
    if (prior) {
      if (prior.requestDigest !== request.requestDigest) throw new IdempotencyKeyReusedError(request.stream);
      return { position: prior.position, revision: prior.revision, replayed: true };
    }
    const events = decider.decide(request.command, fold.state);
    const head = fold.head;
    if (events.length === 0) return { position: head?.position, revision: head?.revision, replayed: false };
    try {
      // The head just read and verified: the store chains onto it without reading it again.
      const expected = head ? { revision: head.revision, hash: head.hash } : 'no_stream';
      const appended = await log.append(request.stream, events, expected, metadataOf(request));
      return { ...appended, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
  throw new ConcurrencyRetriesExhaustedError(request.stream, retries.maxAttempts);
}

const metadataOf = ({
  command,
  commandId,
  requestDigest,
  correlationId,
  causationId,
}: CommandRequest<Command>): EventMetadata => ({
  actor: command.metadata.actor.id,
  role: command.metadata.actor.role,
  commandId,
  requestDigest,
  correlationId,
  causationId: causationId ?? commandId,
  occurredAt: command.metadata.now.toISOString(),
});

/** Folds a stream into its current state: for facts a command needs from another aggregate. */
export async function readState<C extends Command, E extends DomainEvent, S>(
  log: EventLog,
  decider: Decider<C, E, S>,
  stream: string,
): Promise<S> {
  return (await log.fold(stream, decider)).state;
}
