import { Actor, Command, CommandMetadata } from '../domain/decider';
import { commandIdFor, requestDigestOf } from '../ids';
import { CommandRequest } from './handle-command';

/** Who sends a command, when, and under which Idempotency-Key and correlation id. */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly idempotencyKey?: string;
  readonly correlationId: string;
}

export const metadataOf = (context: CommandContext): CommandMetadata => ({
  actor: context.actor,
  now: context.now,
});

/**
 * A command ready for handleCommand. `target` and `body` are what the client asked (route target and JSON
 * body): the same key with another target or body is a different request.
 */
export function commandRequest<C extends Command>(
  stream: string,
  command: C,
  context: CommandContext,
  asked: { target: string; body: unknown },
): CommandRequest<C> {
  return {
    stream,
    command,
    commandId: commandIdFor(context.actor.id, context.idempotencyKey),
    requestDigest: requestDigestOf(command.type, asked.target, asked.body),
    correlationId: context.correlationId,
  };
}
