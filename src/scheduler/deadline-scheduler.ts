import pino from 'pino';
import { AspirationDecider } from '../aspirations/aspiration-decider.provider';
import { ASPIRATIONS_PROJECTION, THREADS, ThreadDocument } from '../aspirations/read-models/thread.document';
import { Clock } from '../platform/clock';
import { DocumentStore } from '../platform/document-store/document-store.port';
import { WorkingCalendar } from '../platform/domain/working-days';
import { EventLog } from '../platform/event-log/event-log';
import { currentGeneration, physicalCollection } from '../platform/read-models/generations';
import { DeadlineAction, DeadlineActionKind, deadlineActionKey } from './deadline-action';
import { duePage, dueActions, dueRange, DueRules, PageCursor, WORK_FIELDS } from './due-work';
import { SchedulerConfig } from './scheduler.config';
import { sendDeadlineAction } from './send-deadline-action';
import { SchedulerTally } from './scheduler-tally';
import { yieldToIo } from '../platform/yield-to-io';

export const SCHEDULER_LEASE = 'deadline-scheduler';
/** Threads read per query; the lease is renewed before each page, so a long catch-up keeps it. */
const PAGE_SIZE = 50;
/** Overdue work first, then what is near. */
const KINDS: readonly DeadlineActionKind[] = ['escalate', 'close', 'remind'];

export interface SchedulerDeps {
  readonly log: EventLog;
  readonly documents: DocumentStore;
  readonly decider: AspirationDecider;
  readonly calendar: WorkingCalendar;
  /** The domain's time: what is due, and the `now` of each command. Leases and intervals use the process's own. */
  readonly clock: Clock;
  readonly config: SchedulerConfig;
  readonly logger: pino.Logger;
  /** This process, as a lease holder. */
  readonly holder: string;
  readonly abandoned?: (holder: string) => boolean;
  readonly leaseTtlMs?: number;
}

/**
 * Turns passing deadlines into commands of the role `system`: one instance at a time (a lease in the document store),
 * at start, when it takes the lease over, and every interval. It reads what is due from the threads read model, and
 * the aspiration's decider has the last word on each action, so a stale read costs a refusal, never a double action.
 */
export class DeadlineScheduler {
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private leaseHeld = false;
  private due = 0;
  private readonly tally: SchedulerTally;
  private readonly rules: DueRules;

  constructor(private readonly deps: SchedulerDeps) {
    this.tally = new SchedulerTally(deps.logger);
    this.rules = { calendar: deps.calendar, reminderLeadWorkingDays: deps.config.reminderLeadWorkingDays };
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    await this.deps.documents.releaseLease(SCHEDULER_LEASE, this.deps.holder);
    this.leaseHeld = false;
  }

  /** Whether this instance holds the lease, and what it did so far (passes: completed looks at the deadlines). */
  status() {
    return { leaseHeld: this.leaseHeld, ...this.tally.counts() };
  }

  private get ttl(): number {
    return this.deps.leaseTtlMs ?? 10_000;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.tick();
      } catch (error) {
        this.deps.logger.error(
          { err: error },
          'deadline scheduler pass failed; trying again at the next one',
        );
      }
      // Renews the lease well within its time to live, and looks at the deadlines when the interval is over.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(this.ttl / 3, this.deps.config.intervalMs));
        this.wake = () => (clearTimeout(timer), resolve());
        if (this.stopped) this.wake();
      });
    }
  }

  private async renewLease(): Promise<boolean> {
    const { documents, holder, abandoned, logger } = this.deps;
    const held = await documents.acquireLease(SCHEDULER_LEASE, holder, this.ttl, undefined, abandoned);
    if (held !== this.leaseHeld)
      logger.info(
        { holder },
        held ? 'deadline scheduler took its lease' : 'deadline scheduler lost its lease',
      );
    this.leaseHeld = held;
    return held && !this.stopped;
  }

  private async tick(): Promise<void> {
    const heldBefore = this.leaseHeld;
    if (!(await this.renewLease())) return;
    // A lease just taken (at start, or from an instance that stopped) catches up at once.
    if (heldBefore && performance.now() < this.due) return;
    this.due = performance.now() + this.deps.config.intervalMs;
    const now = this.deps.clock.now();
    const collection = physicalCollection(
      THREADS,
      await currentGeneration(this.deps.documents, ASPIRATIONS_PROJECTION),
    );
    this.tally.beginPass();
    for (const kind of KINDS) {
      const finished = await this.work(collection, kind, now);
      if (!finished) return;
    }
    this.tally.endPass();
  }

  /** Acts on every thread with this kind of work due, in due order; false when the lease was lost midway. */
  private async work(collection: string, kind: DeadlineActionKind, now: Date): Promise<boolean> {
    const field = WORK_FIELDS[kind];
    const range = dueRange(kind, now, this.rules);
    let after: PageCursor | undefined;
    for (;;) {
      if (!(await this.renewLease())) return false;
      const page = await this.deps.documents.find<ThreadDocument>(collection, duePage(kind, range, after), {
        sort: { [field]: 1, _id: 1 },
        limit: PAGE_SIZE,
      });
      for (const thread of page)
        for (const action of dueActions(thread, now, this.rules))
          if (action.kind === kind) await this.act(action, thread);
      if (page.length < PAGE_SIZE) return true;
      const last = page[page.length - 1];
      after = { dueMs: last[field] as number, id: last._id };
      await yieldToIo();
    }
  }

  private async act(action: DeadlineAction, thread: ThreadDocument): Promise<void> {
    const key = deadlineActionKey(action);
    // Not done the last time, and the thread has not changed since: the answer would be the same.
    if (this.tally.refusedBefore(key, thread.lastPosition)) return;
    const sent = await sendDeadlineAction(this.deps.log, this.deps.decider, action, this.deps.clock.now());
    this.tally.record(action, key, thread.lastPosition, sent);
  }
}
