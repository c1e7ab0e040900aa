import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageDto } from '../../aspirations/queries/list-threads.query-dto';
import { REGION_CODE } from '../../accounts/domain/account.roles';
import { CLOCK_TIME, NOTIFICATION_CHANNELS, NotificationChannel } from '../domain/preferences';

// Shapes only: the decider decides the meaning (known kinds and channels, quiet hours that differ) and names the field.

export class ListNotificationsDto extends PageDto {
  /** `true`: unread ones only. */
  @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class MarkReadDto {
  @IsString()
  @Matches(/^(0|[1-9][0-9]{0,38})$/, { message: 'upTo must be a position returned by the API' })
  upTo!: string;
}

const channelList = () => [
  IsOptional(),
  IsArray(),
  ArrayMaxSize(NOTIFICATION_CHANNELS.length * 2),
  IsIn(NOTIFICATION_CHANNELS, { each: true }),
];
const Channels = (): PropertyDecorator => (target, key) => channelList().forEach((d) => d(target, key));

export class ChannelsDto {
  @Channels() response?: NotificationChannel[];
  @Channels() reply?: NotificationChannel[];
  @Channels() status?: NotificationChannel[];
  @Channels() assignment?: NotificationChannel[];
  @Channels() deadline?: NotificationChannel[];
  @Channels() escalation?: NotificationChannel[];
  @Channels() join_request?: NotificationChannel[];
  @Channels() group_draft?: NotificationChannel[];
  @Channels() group_response?: NotificationChannel[];
  @Channels() announcement?: NotificationChannel[];
  @Channels() announcement_answer?: NotificationChannel[];
}

export class QuietHoursDto {
  @IsString() @Matches(CLOCK_TIME, { message: 'start must be HH:MM' }) start!: string;
  @IsString() @Matches(CLOCK_TIME, { message: 'end must be HH:MM' }) end!: string;
}

export class PreferencesDto {
  @IsObject() @ValidateNested() @Type(() => ChannelsDto) channels!: ChannelsDto;
  /** Absent or null: no quiet hours. */
  @IsOptional() @ValidateNested() @Type(() => QuietHoursDto) quietHours?: QuietHoursDto | null;
  /** Absent or null: WIB. */
  @IsOptional()
  @IsString()
  @Matches(REGION_CODE, { message: 'regionCode must look like 62 or 62.06' })
  regionCode?: string | null;
}

export class PushKeysDto {
  @IsString() @MaxLength(200) p256dh!: string;
  @IsString() @MaxLength(200) auth!: string;
}

export class PushSubscriptionDto {
  @IsString() @MaxLength(2000) endpoint!: string;
  @IsObject() @ValidateNested() @Type(() => PushKeysDto) keys!: PushKeysDto;
}
