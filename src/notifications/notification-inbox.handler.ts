import { Inject } from '@nestjs/common';
import { Command as BusCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, commandRequest, metadataOf } from '../platform/commands/command-context';
import { CommandResult, handleCommand } from '../platform/commands/handle-command';
import { invalid } from '../platform/domain/domain-errors';
import { EventLog } from '../platform/event-log/event-log';
import { isAllowedPushHost } from '../platform/messages/web-push-outgoing-messages';
import { REGIONS } from '../reference-data/reference-data.module';
import { RegionCatalogue } from '../regions/region-catalogue';
import { NotificationInboxCommand } from './domain/notification-inbox.commands';
import { notificationInboxDecider } from './domain/notification-inbox.decider';
import { notificationInboxStream } from './domain/notification-inbox.streams';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './notifications.config';

type Input = {
  [T in NotificationInboxCommand['type']]: Pick<
    Extract<NotificationInboxCommand, { type: T }>,
    'type' | 'data'
  >;
}[NotificationInboxCommand['type']];

/** A command on the caller's own notification inbox; `body` is what the client sent (the request digest covers it). */
export class ExecuteInboxCommand extends BusCommand<CommandResult> {
  constructor(
    readonly input: Input,
    readonly context: CommandContext,
    readonly body: unknown,
  ) {
    super();
  }
}

/** One stream per person: reads, preferences and browsers. Reference data is checked here, rules in the decider. */
@CommandHandler(ExecuteInboxCommand)
export class NotificationInboxHandler implements ICommandHandler<ExecuteInboxCommand> {
  constructor(
    private readonly log: EventLog,
    @Inject(REGIONS) private readonly regions: RegionCatalogue,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  execute({ input, context, body }: ExecuteInboxCommand): Promise<CommandResult> {
    this.checkReferences(input);
    const command = { ...input, metadata: metadataOf(context) } as NotificationInboxCommand;
    const stream = notificationInboxStream(context.actor.id);
    const request = commandRequest(stream, command, context, { target: input.type, body });
    return handleCommand(this.log, notificationInboxDecider, request);
  }

  private checkReferences(input: Input): void {
    if (input.type === 'SetNotificationPreferences') {
      const { regionCode } = input.data.preferences;
      if (regionCode !== null && !this.regions.has(regionCode))
        throw invalid('unknown_region', `Unknown region code ${regionCode}`, 'regionCode');
    }
    // The platform posts to whatever endpoint a browser gave: only to the push services this deployment names.
    if (
      input.type === 'AddPushSubscription' &&
      !isAllowedPushHost(input.data.endpoint, this.config.pushHosts)
    )
      throw invalid(
        'push_service_not_allowed',
        'endpoint is not at a push service this platform sends to',
        'endpoint',
      );
  }
}
