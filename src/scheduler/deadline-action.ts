import { AspirationInput } from '../aspirations/aspiration-references';
import { EscalationStage } from '../aspirations/domain/aspiration.events';
import { Actor, assertNever } from '../platform/domain/decider';
import { commandIdFor } from '../platform/ids';

/** The platform itself, as the scheduler's commands name it: the same on every instance. */
export const SCHEDULER_ACTOR: Actor = { id: 'platform:deadline-scheduler', role: 'system' };

/** One thing the scheduler does about one deadline of one aspiration. */
export type DeadlineAction =
  | {
      readonly kind: 'remind';
      readonly aspirationId: string;
      readonly stage: EscalationStage;
      readonly dueAt: string;
    }
  | {
      readonly kind: 'escalate';
      readonly aspirationId: string;
      readonly stage: EscalationStage;
      readonly dueAt: string;
    }
  | { readonly kind: 'close'; readonly aspirationId: string; readonly dueAt: string };

export type DeadlineActionKind = DeadlineAction['kind'];

/**
 * The action's Idempotency-Key, from (what, aspiration, stage, deadline) alone: every instance, before and after a
 * restart, sends the same one for the same deadline, so the command path answers a repeat with the first result.
 */
export function deadlineActionKey(action: DeadlineAction): string {
  const stage = action.kind === 'close' ? 'auto_no_reply' : action.stage;
  return ['deadline', action.kind, action.aspirationId, stage, action.dueAt].join(':');
}

/** The command id handleCommand dedupes on: derived from the scheduler's actor and the action's key. */
export const deadlineCommandId = (action: DeadlineAction): string =>
  commandIdFor(SCHEDULER_ACTOR.id, deadlineActionKey(action));

/** The command as the API would receive it; a response escalation's parent agency is resolved on the way. */
export function deadlineCommand(action: DeadlineAction, now: Date): AspirationInput {
  const metadata = { actor: SCHEDULER_ACTOR, now };
  switch (action.kind) {
    case 'remind':
      return { type: 'RemindOfDeadline', data: { stage: action.stage, dueAt: action.dueAt }, metadata };
    case 'escalate':
      return { type: 'EscalateAspiration', data: { stage: action.stage, toAgencyId: null }, metadata };
    case 'close':
      return { type: 'CloseAspiration', data: { reason: 'auto_no_reply' }, metadata };
    default:
      return assertNever(action);
  }
}
