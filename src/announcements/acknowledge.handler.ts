import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandRequest, CommandContext, metadataOf } from '../platform/commands/command-context';
import { handleCommand } from '../platform/commands/handle-command';
import { EventLog } from '../platform/event-log/event-log';
import { commandResponse, CommandResponse } from '../platform/http/command-response';
import { actorSees, readAnnouncement } from './announcement-references';
import { acknowledgementDecider } from './domain/acknowledgement.decide';
import { AcknowledgeAnnouncement } from './domain/announcement.commands';
import { acknowledgementStream } from './domain/announcement.streams';

export class Acknowledge extends BusCommand<CommandResponse> {
  constructor(
    readonly announcementId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A person acknowledges in their own stream, so a popular announcement never contends; twice writes nothing. */
@CommandHandler(Acknowledge)
export class AcknowledgeHandler implements ICommandHandler<Acknowledge> {
  constructor(private readonly log: EventLog) {}

  async execute({ announcementId, context }: Acknowledge): Promise<CommandResponse> {
    const state = await readAnnouncement(this.log, announcementId);
    const seen = state.status !== 'none' && (await actorSees(this.log, state, context.actor));
    const command: AcknowledgeAnnouncement = {
      type: 'AcknowledgeAnnouncement',
      data: { announcementId, announcement: seen ? { status: state.status } : null },
      metadata: metadataOf(context),
    };
    const stream = acknowledgementStream(announcementId, context.actor.id);
    const request = commandRequest(stream, command, context, { target: announcementId, body: {} });
    return commandResponse(announcementId, await handleCommand(this.log, acknowledgementDecider, request));
  }
}
