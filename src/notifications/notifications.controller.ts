import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ReadPositionDto } from '../aspirations/queries/list-threads.query-dto';
import { AuthenticatedRequest } from '../platform/auth/auth.guard';
import { Public } from '../platform/auth/public.decorator';
import { CommandResult } from '../platform/commands/handle-command';
import { positionToString } from '../platform/event-store/stored-event';
import { CommandContexts } from '../platform/http/command-contexts';
import { UuidParam } from '../platform/http/id.pipe';
import { ApiCommand, ApiRead } from '../platform/http/openapi-responses';
import { deriveId } from '../platform/ids';
import { VapidKeys } from '../platform/messages/vapid-keys';
import {
  ListNotificationsDto,
  MarkReadDto,
  PreferencesDto,
  PushSubscriptionDto,
} from './dto/notifications.dto';
import * as views from './dto/notifications.response';
import { ExecuteInboxCommand } from './notification-inbox.handler';
import { NOTIFICATIONS_CONFIG, NotificationsConfig } from './notifications.config';
import { GetNotificationSettings } from './queries/get-notification-settings.handler';
import { ListNotifications } from './queries/list-notifications.handler';

export const VAPID_KEYS = Symbol('VapidKeys');

const positionOf = ({ position }: CommandResult) => ({
  position: position === undefined ? null : positionToString(position),
});

/** The caller's own notifications, preferences and browsers. Translates requests into commands and queries only. */
@ApiTags('notifications')
@Controller('api')
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContexts,
    @Inject(VAPID_KEYS) private readonly vapid: VapidKeys,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  private async send(req: AuthenticatedRequest, input: ExecuteInboxCommand['input'], body: unknown) {
    return this.commands.execute(new ExecuteInboxCommand(input, this.contexts.of(req), body));
  }

  @Get('me/notifications')
  @ApiRead(views.NotificationPageView)
  list(@Req() req: AuthenticatedRequest, @Query() query: ListNotificationsDto) {
    return this.queries.execute(new ListNotifications(this.contexts.of(req).actor.id, query));
  }

  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @ApiCommand(200, views.InboxCommandResponseView)
  async markRead(@Req() req: AuthenticatedRequest, @Param('id', new UuidParam('id')) notificationId: string) {
    const data = { notificationId };
    return positionOf(await this.send(req, { type: 'MarkNotificationRead', data }, data));
  }

  @Post('me/notifications/read')
  @HttpCode(200)
  @ApiCommand(200, views.InboxCommandResponseView)
  async markAllRead(@Req() req: AuthenticatedRequest, @Body() body: MarkReadDto) {
    return positionOf(
      await this.send(req, { type: 'MarkNotificationsRead', data: { upTo: body.upTo } }, body),
    );
  }

  @Get('me/notification-preferences')
  @ApiRead(views.NotificationSettingsView)
  settings(@Req() req: AuthenticatedRequest, @Query() query: ReadPositionDto) {
    return this.queries.execute(
      new GetNotificationSettings(this.contexts.of(req).actor.id, query.minPosition),
    );
  }

  @Put('me/notification-preferences')
  @HttpCode(200)
  @ApiCommand(200, views.InboxCommandResponseView)
  async setPreferences(@Req() req: AuthenticatedRequest, @Body() body: PreferencesDto) {
    const preferences = {
      channels: { ...body.channels },
      quietHours: body.quietHours ? { start: body.quietHours.start, end: body.quietHours.end } : null,
      regionCode: body.regionCode ?? null,
    } as Extract<ExecuteInboxCommand['input'], { type: 'SetNotificationPreferences' }>['data']['preferences'];
    return positionOf(
      await this.send(req, { type: 'SetNotificationPreferences', data: { preferences } }, body),
    );
  }

  @Post('me/push-subscriptions')
  @HttpCode(201)
  @ApiCommand(201, views.PushSubscriptionCommandResponseView)
  async subscribe(@Req() req: AuthenticatedRequest, @Body() body: PushSubscriptionDto) {
    const context = this.contexts.of(req);
    const subscriptionId = deriveId('push-subscription', context.actor.id, body.endpoint);
    const data = {
      subscriptionId,
      endpoint: body.endpoint,
      keys: { p256dh: body.keys.p256dh, auth: body.keys.auth },
    };
    const result = await this.send(req, { type: 'AddPushSubscription', data }, body);
    return { id: subscriptionId, ...positionOf(result) };
  }

  @Delete('me/push-subscriptions/:id')
  @HttpCode(200)
  @ApiCommand(200, views.PushSubscriptionCommandResponseView)
  async unsubscribe(
    @Req() req: AuthenticatedRequest,
    @Param('id', new UuidParam('id')) subscriptionId: string,
  ) {
    const result = await this.send(req, { type: 'RemovePushSubscription', data: { subscriptionId } }, {});
    return { id: subscriptionId, ...positionOf(result) };
  }

  @Public()
  @Get('notifications/push-key')
  @ApiRead(views.PushKeyView)
  pushKey(): views.PushKeyView {
    return { publicKey: this.vapid.publicKey, pushHosts: [...this.config.pushHosts] };
  }
}
