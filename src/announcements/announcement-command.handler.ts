import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { displayNameOf } from '../groups/group-references';
import { actorSees, readAnnouncement, targetGroups } from './announcement-references';
import { ANNOUNCEMENT_DECIDER, AnnouncementDecider } from './announcement-decider.provider';
import { AnnouncementCommand } from './domain/announcement.commands';
import { announcementErrors } from './domain/announcement.errors';
import { announcementStream } from './domain/announcement.streams';

/** An announcement command as the API receives it: facts from other streams are the handler's to add. */
export class ExecuteAnnouncementCommand extends BusCommand<CommandResponse> {
  constructor(
    readonly announcementId: string,
    readonly type: AnnouncementCommand['type'],
    readonly data: Record<string, unknown>,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

/** Every announcement command: the targeted groups, or whether the actor sees it, then read → decide → append. */
@CommandHandler(ExecuteAnnouncementCommand)
export class AnnouncementCommandHandler implements ICommandHandler<ExecuteAnnouncementCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(ANNOUNCEMENT_DECIDER) private readonly decider: AnnouncementDecider,
  ) {}

  async execute({ announcementId, type, data, context, body }: ExecuteAnnouncementCommand) {
    const facts = await this.factsFor(announcementId, type, data, context);
    const command = {
      type,
      data: { ...data, ...facts },
      metadata: metadataOf(context),
    } as AnnouncementCommand;
    const stream = announcementStream(announcementId);
    const request = commandRequest(stream, command, context, { target: announcementId, body });
    return commandResponse(announcementId, await handleCommand(this.log, this.decider, request));
  }

  private async factsFor(
    announcementId: string,
    type: AnnouncementCommand['type'],
    data: Record<string, unknown>,
    context: CommandContext,
  ): Promise<object> {
    if (type === 'PublishAnnouncement') {
      const groupIds = Array.isArray(data.groupIds) ? (data.groupIds as string[]) : [];
      return { groups: await targetGroups(this.log, groupIds) };
    }
    const state = await readAnnouncement(this.log, announcementId);
    const sees = await actorSees(this.log, state, context.actor);
    // A group announcement the actor may not see answers as one that does not exist.
    if (state.status !== 'none' && !sees) throw announcementErrors.notFound();
    if (type !== 'AskQuestion') return {};
    const displayName = await displayNameOf(this.log, context.actor);
    return { sees, ...(displayName === undefined ? {} : { displayName }) };
  }
}
