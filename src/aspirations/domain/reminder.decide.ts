import { RemindOfDeadline } from './aspiration.commands';
import { hasPassed } from './aspiration.deadlines';
import { aspirationErrors as errors } from './aspiration.errors';
import { AspirationEvent } from './aspiration.events';
import { existing, inStatus } from './aspiration.guards';
import { AspirationState, ExistingAspiration } from './aspiration.state';

/** The deadline a stage waits on now, or a refusal: verification while submitted, the response until answered. */
function openDeadline(aspiration: ExistingAspiration, command: RemindOfDeadline): string {
  switch (command.data.stage) {
    case 'verification':
      return inStatus(aspiration, 'remind of the verification of', ['submitted']).verificationDueAt;
    case 'response': {
      const current = inStatus(aspiration, 'remind of the response to', ['in_progress']);
      if (current.followUpDueAt === null) throw errors.alreadyResponded();
      return current.followUpDueAt;
    }
    default:
      throw errors.invalidStage();
  }
}

/**
 * A reminder before a deadline, from the platform only: once per (stage, dueAt), for the deadline still open, before
 * it passes (a passed one is escalated instead). When to remind (how long before) is the scheduler's policy.
 */
export function remind(command: RemindOfDeadline, state: AspirationState): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, actor);
  if (actor.role !== 'system') throw errors.systemOnly('remind of a deadline');
  const { stage, dueAt } = command.data;
  const open = openDeadline(aspiration, command);
  if (open !== dueAt) throw errors.deadlineChanged(stage, open);
  if (hasPassed(now, dueAt)) throw errors.deadlinePassed(dueAt);
  if (aspiration.remindedDeadlines[stage] === dueAt) throw errors.alreadyReminded(dueAt);
  return [{ type: 'DeadlineReminderIssued', data: { stage, dueAt, remindedAt: now.toISOString() } }];
}
