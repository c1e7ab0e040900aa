// The shapes of the notification routes, as docs/api.md ("Following and notifications") describes them.

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

/** The groups' kinds: their labels live under the catalogues' `group.` keys. */
export const isGroupKind = (kind: NotificationKind): boolean =>
  kind === 'join_request' || kind === 'group_draft' || kind === 'group_response';

/** The announcements' kinds: their labels live under the catalogues' `announcement.` keys. */
export const isAnnouncementKind = (kind: NotificationKind): boolean =>
  kind === 'announcement' || kind === 'announcement_answer';

/** Besides the in-app list, which always has every notification. */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'push'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** One notification; it never names a person, only the thread as its reader may see it. */
export interface NotificationItem {
  readonly id: string;
  readonly kind: NotificationKind;
  /** null for a join request or a draft to sign: those link to the group. */
  readonly aspirationId: string | null;
  readonly groupId?: string | null;
  readonly draftId?: string | null;
  readonly title: string;
  readonly change: 'verified' | 'rejected' | 'assigned' | 'resolved' | 'closed' | 'reopened' | null;
  readonly stage: 'verification' | 'response' | null;
  readonly dueAt: string | null;
  readonly agencyId: string | null;
  readonly at: string;
  readonly read: boolean;
  readonly position: string;
}

export interface NotificationPage {
  readonly items: NotificationItem[];
  readonly unread: number;
  readonly nextCursor: string | null;
  readonly topic: string;
  readonly position: string;
}

/** One notification by id, or every notification up to a position. */
export type ReadMark = { readonly notificationId: string } | { readonly upTo: string };

/** What the live topic `me` carries: a new notification, or a read mark with how many stay unread. */
export type PersonChange =
  | { readonly person: string; readonly notification: NotificationItem }
  | { readonly person: string; readonly read: ReadMark; readonly unread: number };

export type Channels = Record<NotificationKind, readonly NotificationChannel[]>;

export interface QuietHours {
  readonly start: string;
  readonly end: string;
}

export interface NotificationSettings {
  readonly preferences: {
    readonly channels: Channels;
    readonly quietHours: QuietHours | null;
    readonly regionCode: string | null;
    readonly timeZone: 'WIB' | 'WITA' | 'WIT';
    readonly chosen: boolean;
  };
  readonly pushSubscriptions: ReadonlyArray<{
    readonly id: string;
    readonly endpoint: string;
    readonly addedAt: string;
  }>;
  readonly position: string;
}

/** PUT /api/me/notification-preferences. */
export interface PreferencesBody {
  readonly channels: Channels;
  readonly quietHours: QuietHours | null;
  readonly regionCode: string | null;
}

export interface PushKey {
  readonly publicKey: string;
  readonly pushHosts?: readonly string[];
}
