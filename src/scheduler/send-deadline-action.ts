import { AspirationDecider } from '../aspirations/aspiration-decider.provider';
import { resolveReferences } from '../aspirations/aspiration-references';
import { aspirationStream } from '../aspirations/domain/aspiration.streams';
import { commandRequest } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { DomainError } from '../platform/domain/domain-errors';
import { EventLog } from '../platform/event-log/event-log';
import { IntegrityFailureError, KeyMissingError } from '../platform/integrity/integrity-errors';
import {
  DeadlineAction,
  deadlineActionKey,
  deadlineCommand,
  deadlineCommandId,
  SCHEDULER_ACTOR,
} from './deadline-action';

/**
 * done: the command appended its event. already_done: a repeat the command path answered from the stream, or a
 * refusal (409) meaning it was done or no longer applies (escalated, responded, moved). refused: any other refusal
 * (a defect to look into). broken: the aspiration's stream failed its integrity check.
 */
export type SendOutcome =
  | { readonly outcome: 'done'; readonly position: bigint | undefined }
  | { readonly outcome: 'already_done'; readonly code?: string }
  | { readonly outcome: 'refused'; readonly code: string; readonly message: string }
  | { readonly outcome: 'broken'; readonly error: Error };

/** Sends one action as `system` the way the API sends any aspiration command: references, then handleCommand. */
export async function sendDeadlineAction(
  log: EventLog,
  decider: AspirationDecider,
  action: DeadlineAction,
  now: Date,
): Promise<SendOutcome> {
  const { aspirationId } = action;
  const input = deadlineCommand(action, now);
  const context = {
    actor: SCHEDULER_ACTOR,
    now,
    idempotencyKey: deadlineActionKey(action),
    correlationId: deadlineCommandId(action),
  };
  try {
    const command = await resolveReferences(log, decider, aspirationId, input);
    const request = commandRequest(aspirationStream(aspirationId), command, context, {
      target: aspirationId,
      body: input.data,
    });
    const result = await handleCommand(log, decider, request);
    return result.replayed ? { outcome: 'already_done' } : { outcome: 'done', position: result.position };
  } catch (error) {
    if (error instanceof DomainError)
      return error.kind === 'conflict'
        ? { outcome: 'already_done', code: error.code }
        : { outcome: 'refused', code: error.code, message: error.message };
    if (error instanceof IntegrityFailureError || error instanceof KeyMissingError)
      return { outcome: 'broken', error };
    throw error;
  }
}
