import { Logger } from '@nestjs/common';
import { positionToString } from '../event-store/stored-event';
import { IntegrityFailureError, KeyMissingError } from './integrity-errors';

/** One reason the platform is not ready, as health shows it: names and positions, never stored content. */
export type HealthProblem =
  | {
      readonly kind: 'integrity_failure';
      readonly stream: string;
      readonly position: string;
      readonly revision: number;
      readonly reason: string;
    }
  | {
      readonly kind: 'key_missing';
      readonly keyId: string;
      readonly stream: string;
      readonly position: string;
    }
  | { readonly kind: 'projection_stalled'; readonly projection: string; readonly error: string }
  | { readonly kind: 'storage_full'; readonly error: string };

/** Where the monitor reports; Nest's Logger by default, so it reaches the app's pino logger. */
export interface ProblemLog {
  error(message: string): void;
  log(message: string): void;
}

/** Health lists at most this many broken streams: a mass corruption must not make health itself huge. */
const MAX_LISTED_STREAMS = 100;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Remembers what is wrong with storage right now (broken streams, missing keys, stalled projections, a full disk)
 * for health to show. Each problem is logged at error level once when it appears, not on every request that meets it.
 */
export class IntegrityMonitor {
  private readonly streams = new Map<string, HealthProblem>();
  private readonly projections = new Map<string, HealthProblem>();
  private storage: HealthProblem | undefined;

  constructor(private readonly logger: ProblemLog = new Logger('Integrity')) {}

  streamFailed(error: IntegrityFailureError | KeyMissingError): void {
    const problem: HealthProblem =
      error instanceof KeyMissingError
        ? {
            kind: 'key_missing',
            keyId: error.keyId,
            stream: error.stream,
            position: positionToString(error.position),
          }
        : {
            kind: 'integrity_failure',
            stream: error.failure.stream,
            position: positionToString(error.failure.position),
            revision: error.failure.revision,
            reason: error.failure.reason,
          };
    if (this.record(this.streams, problem.stream, problem)) this.logger.error(error.message);
  }

  /** A stream read whole and verified: whatever was wrong with it was repaired. */
  streamVerified(stream: string): void {
    if (this.streams.delete(stream)) this.logger.log(`Stream ${stream} verifies again`);
  }

  /** Whether a read found this stream broken (and no whole read has verified it since). */
  hasStreamFailed(stream: string): boolean {
    return this.streams.has(stream);
  }

  projectionStalled(projection: string, error: unknown): void {
    const problem: HealthProblem = { kind: 'projection_stalled', projection, error: messageOf(error) };
    if (this.record(this.projections, projection, problem))
      this.logger.error(`Projection ${projection} stalled: ${problem.error}`);
  }

  projectionRunning(projection: string): void {
    if (this.projections.delete(projection)) this.logger.log(`Projection ${projection} runs again`);
  }

  /** This process stopped running the projection (lease lost, stopping): its stall is no longer this process's. */
  projectionReleased(projection: string): void {
    this.projections.delete(projection);
  }

  storageFull(error: unknown): void {
    const first = this.storage === undefined;
    this.storage = { kind: 'storage_full', error: messageOf(error) };
    if (first) this.logger.error(`Storage is full: ${messageOf(error)}`);
  }

  storageWritable(): void {
    if (this.storage === undefined) return;
    this.storage = undefined;
    this.logger.log('Storage accepts writes again');
  }

  problems(): HealthProblem[] {
    const streams = [...this.streams.values()].slice(0, MAX_LISTED_STREAMS);
    return [...(this.storage ? [this.storage] : []), ...streams, ...this.projections.values()];
  }

  /** True when the problem is new or changed: only then is it worth a log line. */
  private record(map: Map<string, HealthProblem>, key: string, problem: HealthProblem): boolean {
    const known = map.get(key);
    map.set(key, problem);
    return known === undefined || JSON.stringify(known) !== JSON.stringify(problem);
  }
}
