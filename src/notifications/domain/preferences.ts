import { IndonesianTimeZone, timeZoneOfRegion } from '../../platform/domain/working-days';

/** What a notification tells of; each kind has its own channels in a person's preferences. */
export const NOTIFICATION_KINDS = [
  'response',
  'reply',
  'status',
  'assignment',
  'deadline',
  'escalation',
  'join_request',
  'group_draft',
  'group_response',
  'announcement',
  'announcement_answer',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification goes besides the in-app list (always): the login's e-mail or phone, or Web Push. */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Local wall-clock times 'HH:MM'; the quiet period runs from start up to end, across midnight when end < start. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

export interface NotificationPreferences {
  readonly channels: Readonly<Record<NotificationKind, readonly NotificationChannel[]>>;
  readonly quietHours: QuietHours | null;
  /** The person's home region: its time zone places the quiet hours (WIB when unset). */
  readonly regionCode: string | null;
}

export interface PushKeys {
  readonly p256dh: string;
  readonly auth: string;
}

export interface StoredPushSubscription {
  readonly id: string;
  readonly endpoint: string;
  readonly keys: PushKeys;
  readonly addedAt: string;
}

/**
 * Until a person chooses: what answers them or needs their action reaches their login (e-mail, or SMS for a
 * phone); replies in threads they follow stay in the app. SMS costs the operator, so chatty kinds never use it.
 */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  channels: {
    response: ['email', 'sms'],
    reply: [],
    status: ['email', 'sms'],
    assignment: ['email'],
    deadline: ['email'],
    escalation: ['email', 'sms'],
    join_request: ['email'],
    group_draft: ['email'],
    group_response: ['email'],
    announcement: ['email'],
    announcement_answer: ['email'],
  },
  quietHours: null,
  regionCode: null,
};

export const DEFAULT_TIME_ZONE: IndonesianTimeZone = 'WIB';

export const timeZoneOf = (preferences: NotificationPreferences): IndonesianTimeZone =>
  preferences.regionCode === null ? DEFAULT_TIME_ZONE : timeZoneOfRegion(preferences.regionCode);

export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Preferences chosen before a kind existed keep that kind's defaults until the person chooses again. */
export const withEveryKind = (preferences: NotificationPreferences): NotificationPreferences => ({
  ...preferences,
  channels: { ...DEFAULT_PREFERENCES.channels, ...preferences.channels },
});
