import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { GroupCommand } from './domain/group.commands';
import { groupStream } from './domain/group.streams';
import { GROUP_DECIDER, GroupDecider } from './group-decider.provider';
import { displayNameOf } from './group-references';

/** A group command as the API receives it: the display name is the handler's to look up. */
export class ExecuteGroupCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly groupId: string,
    readonly type: GroupCommand['type'],
    readonly data: GroupCommand['data'],
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

const NAMED: ReadonlySet<GroupCommand['type']> = new Set(['FoundGroup', 'JoinGroup']);

/** Every group command: the person's display name where they join or propose, then read → decide → append. */
@CommandHandler(ExecuteGroupCommand)
export class GroupCommandHandler implements ICommandHandler<ExecuteGroupCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(GROUP_DECIDER) private readonly decider: GroupDecider,
  ) {}

  async execute({ groupId, type, data, context, body }: ExecuteGroupCommand): Promise<CommandResponse> {
    const displayName = NAMED.has(type) ? await displayNameOf(this.log, context.actor) : undefined;
    const named = displayName === undefined ? data : { ...data, displayName };
    const command = { type, data: named, metadata: metadataOf(context) } as GroupCommand;
    const request = commandRequest(groupStream(groupId), command, context, { target: groupId, body });
    return commandResponse(groupId, await handleCommand(this.log, this.decider, request));
  }
}
