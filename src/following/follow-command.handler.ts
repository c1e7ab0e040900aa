import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { audienceOf } from '../aspirations/aspiration-access';
import { ASPIRATION_DECIDER, AspirationDecider } from '../aspirations/aspiration-decider.provider';
import { aspirationStream } from '../aspirations/domain/aspiration.streams';
import { CommandContext, commandRequest, metadataOf } from '../platform/commands/command-context';
import { handleCommand, readState } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { FollowCommand, FollowedAspirationFacts } from './domain/follow.commands';
import { followDecider } from './domain/follow.decider';
import { followStream } from './domain/follow.streams';

export class ExecuteFollowCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly aspirationId: string,
    readonly type: FollowCommand['type'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Follows live in one stream per (aspiration, person), like endorsements, so a popular thread never contends. */
@CommandHandler(ExecuteFollowCommand)
export class FollowCommandHandler implements ICommandHandler<ExecuteFollowCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(ASPIRATION_DECIDER) private readonly aspirations: AspirationDecider,
  ) {}

  async execute({ aspirationId, type, context }: ExecuteFollowCommand): Promise<CommandResponse> {
    const aspiration = await this.factsFor(aspirationId, context);
    const command = {
      type,
      data: { aspirationId, aspiration },
      metadata: metadataOf(context),
    } as FollowCommand;
    const stream = followStream(aspirationId, context.actor.id);
    const request = commandRequest(stream, command, context, { target: aspirationId, body: {} });
    return commandResponse(aspirationId, await handleCommand(this.log, followDecider, request));
  }

  /** What the follower may know of the aspiration: one they cannot see does not exist for them. */
  private async factsFor(
    aspirationId: string,
    context: CommandContext,
  ): Promise<FollowedAspirationFacts | null> {
    const state = await readState(this.log, this.aspirations, aspirationStream(aspirationId));
    if (state.status === 'none' || audienceOf(context.actor, state) === undefined) return null;
    return { followerIsSubmitter: state.submittedBy !== null && state.submittedBy === context.actor.id };
  }
}
