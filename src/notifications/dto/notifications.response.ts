import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import { AGENCY_ID, DATE_TIME, POSITION, UUID } from '../../platform/http/openapi-formats';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from '../domain/preferences';

// Response schemas of the notification routes: documentation only (the contract test checks responses against them).

const CLOCK = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', example: '22:00' } as const;

const KIND = {
  enum: [...NOTIFICATION_KINDS],
  description: 'What it tells of; each kind has its own channels',
};
const CHANNELS: ApiPropertyOptions = {
  enum: [...NOTIFICATION_CHANNELS],
  isArray: true,
  description: 'Besides the in-app list (always): e-mail or SMS to the login, Web Push to the browsers',
};

@ApiSchema({
  name: 'Notification',
  description: 'Names no person: only the thread (or group, or draft), as its reader may see it',
})
export class NotificationView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty(KIND) kind!: string;
  @ApiProperty({
    ...UUID,
    nullable: true,
    description: 'The thread it tells of; null for a join request or a draft',
  })
  aspirationId!: string | null;
  @ApiProperty({
    ...UUID,
    nullable: true,
    description:
      'The group: join_request, group_draft, group_response and announcement (the reader’s group it reached)',
  })
  groupId!: string | null;
  @ApiProperty({ ...UUID, nullable: true, description: 'The draft waiting for signatures (group_draft)' })
  draftId!: string | null;
  @ApiProperty({
    description:
      "The thread's title as this person may see it (empty when a moderator hid it); the group's name for a join request, the draft's title for a draft",
  })
  title!: string;
  @ApiProperty({
    enum: ['verified', 'rejected', 'assigned', 'resolved', 'closed', 'reopened', null],
    nullable: true,
    description: 'For status: what happened',
  })
  change!: string | null;
  @ApiProperty({
    enum: ['verification', 'response', null],
    nullable: true,
    description: 'For deadline and escalation',
  })
  stage!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'For deadline: when it falls due' })
  dueAt!: string | null;
  @ApiProperty({
    ...AGENCY_ID,
    nullable: true,
    description: 'The agency that answered, received or missed it',
  })
  agencyId!: string | null;
  @ApiProperty(DATE_TIME) at!: string;
  @ApiProperty() read!: boolean;
  @ApiProperty({ ...POSITION, description: 'Of the event it tells of: pass as upTo to mark up to here read' })
  position!: string;
}

@ApiSchema({ name: 'NotificationPage' })
export class NotificationPageView {
  @ApiProperty({ type: () => NotificationView, isArray: true }) items!: NotificationView[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Unread notifications in all' }) unread!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as cursor for the next (older) page' })
  nextCursor!: string | null;
  @ApiProperty({
    enum: ['me'],
    description:
      'Subscribe to it on /live for new notifications and read marks: each person hears only their own',
  })
  topic!: string;
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({ name: 'InboxCommandResponse' })
export class InboxCommandResponseView {
  @ApiProperty({ ...POSITION, nullable: true, description: 'Pass as minPosition to read your write' })
  position!: string | null;
}

@ApiSchema({ name: 'PushSubscriptionCommandResponse' })
export class PushSubscriptionCommandResponseView extends InboxCommandResponseView {
  @ApiProperty({ ...UUID, description: 'The subscription, derived from the endpoint' }) id!: string;
}

@ApiSchema({ name: 'NotificationChannels' })
export class ChannelsView {
  @ApiProperty(CHANNELS) response!: string[];
  @ApiProperty(CHANNELS) reply!: string[];
  @ApiProperty(CHANNELS) status!: string[];
  @ApiProperty(CHANNELS) assignment!: string[];
  @ApiProperty(CHANNELS) deadline!: string[];
  @ApiProperty(CHANNELS) escalation!: string[];
  @ApiProperty(CHANNELS) join_request!: string[];
  @ApiProperty(CHANNELS) group_draft!: string[];
  @ApiProperty(CHANNELS) group_response!: string[];
  @ApiProperty(CHANNELS) announcement!: string[];
  @ApiProperty(CHANNELS) announcement_answer!: string[];
}

@ApiSchema({ name: 'PushSubscription' })
export class PushSubscriptionView {
  @ApiProperty(UUID) id!: string;
  @ApiProperty({ format: 'uri' }) endpoint!: string;
  @ApiProperty(DATE_TIME) addedAt!: string;
}

@ApiSchema({ name: 'NotificationPreferences' })
export class PreferencesView {
  @ApiProperty({ type: () => ChannelsView }) channels!: ChannelsView;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { start: CLOCK, end: CLOCK },
    required: ['start', 'end'],
    description: 'Local times HH:MM; across midnight when end comes before start; null: none',
  })
  quietHours!: { start: string; end: string } | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '62.06',
    description: 'Home region: its time zone',
  })
  regionCode!: string | null;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'], description: 'Where the quiet hours are read' })
  timeZone!: string;
  @ApiProperty({ description: 'false: the defaults, never chosen' }) chosen!: boolean;
}

@ApiSchema({ name: 'NotificationSettings' })
export class NotificationSettingsView {
  @ApiProperty({ type: () => PreferencesView }) preferences!: PreferencesView;
  @ApiProperty({ type: () => PushSubscriptionView, isArray: true })
  pushSubscriptions!: PushSubscriptionView[];
  @ApiProperty(POSITION) position!: string;
}

@ApiSchema({ name: 'PushKey' })
export class PushKeyView {
  @ApiProperty({
    pattern: '^[A-Za-z0-9_-]{87}$',
    description: "The VAPID public key (URL-safe base64): PushManager.subscribe's applicationServerKey",
  })
  publicKey!: string;
  @ApiPropertyOptional({
    description: 'Push services a subscription may use (host names and what is below them)',
  })
  pushHosts?: string[];
}
