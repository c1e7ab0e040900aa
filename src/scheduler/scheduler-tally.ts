import pino from 'pino';
import { DeadlineAction } from './deadline-action';
import { SendOutcome } from './send-deadline-action';

const DONE = { remind: 'reminded', escalate: 'escalated', close: 'closed' } as const;

export interface SchedulerCounts {
  /** Completed looks at the deadlines. */
  passes: number;
  reminded: number;
  escalated: number;
  closed: number;
  /** Repeats and refusals meaning "done already, or no longer applies" (logged at debug). */
  alreadyDone: number;
  /** Any other refusal, or a stream that failed its integrity check (logged as errors). */
  failed: number;
}

/**
 * What the scheduler did, and what it must not try again: an action that was not done is remembered with the
 * thread's position, and skipped until the thread changes (so a refusal is never retried forever). Forgotten once
 * a whole pass no longer finds it due.
 */
export class SchedulerTally {
  private readonly totals: SchedulerCounts = {
    passes: 0,
    reminded: 0,
    escalated: 0,
    closed: 0,
    alreadyDone: 0,
    failed: 0,
  };
  private pass = { reminded: 0, escalated: 0, closed: 0, alreadyDone: 0, failed: 0 };
  private notDone = new Map<string, string>();
  private seen = new Set<string>();

  constructor(private readonly logger: pino.Logger) {}

  counts(): SchedulerCounts {
    return { ...this.totals };
  }

  beginPass(): void {
    this.pass = { reminded: 0, escalated: 0, closed: 0, alreadyDone: 0, failed: 0 };
    this.seen = new Set();
  }

  refusedBefore(key: string, threadPosition: string): boolean {
    this.seen.add(key);
    return this.notDone.get(key) === threadPosition;
  }

  record(action: DeadlineAction, key: string, threadPosition: string, sent: SendOutcome): void {
    const fields = { aspirationId: action.aspirationId, action: action.kind, dueAt: action.dueAt };
    if (sent.outcome === 'done') {
      this.count(DONE[action.kind]);
      this.notDone.delete(key);
      return;
    }
    this.notDone.set(key, threadPosition);
    if (sent.outcome === 'already_done') {
      this.count('alreadyDone');
      this.logger.debug({ ...fields, code: sent.code ?? 'repeat' }, 'deadline action already done or moot');
      return;
    }
    this.count('failed');
    if (sent.outcome === 'refused')
      this.logger.error({ ...fields, code: sent.code }, `deadline action refused: ${sent.message}`);
    else this.logger.error({ ...fields, err: sent.error }, 'deadline action met a broken stream');
  }

  endPass(): void {
    this.totals.passes++;
    for (const key of this.notDone.keys()) if (!this.seen.has(key)) this.notDone.delete(key);
    const { reminded, escalated, closed, alreadyDone, failed } = this.pass;
    if (reminded + escalated + closed + failed > 0)
      this.logger.info({ reminded, escalated, closed, alreadyDone, failed }, 'deadlines acted on');
  }

  private count(what: keyof typeof this.pass): void {
    this.pass[what]++;
    this.totals[what]++;
  }
}
