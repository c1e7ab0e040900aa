import { EscalationStage } from '../domain/aspiration.events';
import { StageDeadlines, ThreadDocument } from './thread.document';

export interface OpenDeadline {
  readonly stage: EscalationStage;
  readonly dueAt: string;
}

type DeadlineFacts = Pick<ThreadDocument, 'status' | 'verificationDueAt' | 'followUpDueAt'>;

/** The deadline a thread waits on, as the aspiration's decider sees it: verification while submitted, the response until answered. */
export function openDeadline(thread: DeadlineFacts): OpenDeadline | undefined {
  if (thread.status === 'submitted') return { stage: 'verification', dueAt: thread.verificationDueAt };
  if (thread.status === 'in_progress' && thread.followUpDueAt !== null)
    return { stage: 'response', dueAt: thread.followUpDueAt };
  return undefined;
}

/** The stage's open deadline added to those escalated, when the thread waits on that stage (as the decider records it). */
export function recordStage(
  thread: DeadlineFacts,
  recorded: StageDeadlines | undefined,
  stage: EscalationStage,
): StageDeadlines {
  const open = openDeadline(thread);
  return open?.stage === stage ? { ...recorded, [stage]: open.dueAt } : { ...recorded };
}

export type DeadlineWork = Required<
  Pick<ThreadDocument, 'remindBeforeMs' | 'escalateAfterMs' | 'autoCloseAfterMs'>
>;

type WorkFacts = DeadlineFacts &
  Pick<ThreadDocument, 'autoCloseDueAt' | 'remindedDeadlines' | 'escalatedDeadlines'>;

/**
 * What the deadline scheduler has yet to do for a thread, in epoch milliseconds: remind of and escalate the open
 * deadline unless done for that very deadline, and close automatically while a close is pending (the decider allows
 * it in progress and resolved). Numbers, because both stores range-query numbers by index.
 */
export function deadlineWork(thread: WorkFacts): DeadlineWork {
  const open = openDeadline(thread);
  const pending = (done: StageDeadlines | undefined) =>
    open && done?.[open.stage] !== open.dueAt ? Date.parse(open.dueAt) : null;
  const closable = thread.status === 'in_progress' || thread.status === 'resolved';
  return {
    remindBeforeMs: pending(thread.remindedDeadlines),
    escalateAfterMs: pending(thread.escalatedDeadlines),
    autoCloseAfterMs: closable && thread.autoCloseDueAt ? Date.parse(thread.autoCloseDueAt) : null,
  };
}
