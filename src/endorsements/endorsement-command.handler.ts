import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { audienceOf } from '../aspirations/aspiration-access';
import { ASPIRATION_DECIDER, AspirationDecider } from '../aspirations/aspiration-decider.provider';
import { aspirationStream } from '../aspirations/domain/aspiration.streams';
import { CommandContext, commandRequest, metadataOf } from '../platform/commands/command-context';
import { handleCommand, readState } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { EndorsementCommand } from './domain/endorsement.commands';
import { endorsementDecider } from './domain/endorsement.decider';
import { endorsementStream } from './domain/endorsement.streams';

export class ExecuteEndorsementCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly aspirationId: string,
    readonly type: EndorsementCommand['type'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Endorsements live in one stream per (aspiration, citizen), so a popular thread never contends on one. */
@CommandHandler(ExecuteEndorsementCommand)
export class EndorsementCommandHandler implements ICommandHandler<ExecuteEndorsementCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(ASPIRATION_DECIDER) private readonly aspirations: AspirationDecider,
  ) {}

  async execute({ aspirationId, type, context }: ExecuteEndorsementCommand): Promise<CommandResponse> {
    const metadata = metadataOf(context);
    const command: EndorsementCommand =
      type === 'EndorseAspiration'
        ? { type, data: { aspirationId, aspiration: await this.factsFor(aspirationId, context) }, metadata }
        : { type, data: { aspirationId }, metadata };
    const stream = endorsementStream(aspirationId, context.actor.id);
    const request = commandRequest(stream, command, context, { target: aspirationId, body: {} });
    return commandResponse(aspirationId, await handleCommand(this.log, endorsementDecider, request));
  }

  /** What the endorser may know of the aspiration: one they cannot see does not exist for them. */
  private async factsFor(aspirationId: string, context: CommandContext) {
    const state = await readState(this.log, this.aspirations, aspirationStream(aspirationId));
    if (state.status === 'none' || audienceOf(context.actor, state) === undefined) return null;
    const endorserIsSubmitter = state.submittedBy !== null && state.submittedBy === context.actor.id;
    return { status: state.status, visibility: state.visibility, endorserIsSubmitter };
  }
}
