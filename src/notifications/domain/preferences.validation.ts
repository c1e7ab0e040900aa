import { inboxErrors } from './notification-inbox.errors';
import {
  CLOCK_TIME,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
  NotificationPreferences,
  PushKeys,
} from './preferences';

const isKind = (value: string): value is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(value);
const isChannel = (value: string): value is NotificationChannel =>
  (NOTIFICATION_CHANNELS as readonly string[]).includes(value);

/**
 * The preferences in their one normal form: every kind present (a kind left out keeps no channel), channels
 * without repeats in a fixed order. The HTTP layer checks the shape; this checks the meaning.
 */
export function validPreferences(preferences: NotificationPreferences): NotificationPreferences {
  for (const kind of Object.keys(preferences.channels))
    if (!isKind(kind)) throw inboxErrors.unknownKind(kind);
  const channels = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => {
      const chosen = preferences.channels[kind] ?? [];
      for (const channel of chosen) if (!isChannel(channel)) throw inboxErrors.unknownChannel(channel);
      return [kind, NOTIFICATION_CHANNELS.filter((channel) => chosen.includes(channel))];
    }),
  ) as Record<NotificationKind, NotificationChannel[]>;
  const { quietHours } = preferences;
  if (
    quietHours !== null &&
    (!CLOCK_TIME.test(quietHours.start) ||
      !CLOCK_TIME.test(quietHours.end) ||
      quietHours.start === quietHours.end)
  )
    throw inboxErrors.invalidQuietHours();
  const quiet = quietHours === null ? null : { start: quietHours.start, end: quietHours.end };
  return { channels, quietHours: quiet, regionCode: preferences.regionCode };
}

const MAX_ENDPOINT_LENGTH = 2000;

export function requirePushEndpoint(endpoint: string): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw inboxErrors.invalidEndpoint();
  }
  // Push services speak https only; credentials in the URL would be sent to whoever runs that host.
  if (endpoint.length > MAX_ENDPOINT_LENGTH || url.protocol !== 'https:' || url.username || url.password)
    throw inboxErrors.invalidEndpoint();
}

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;
const decodedLength = (text: string): number => Buffer.from(text, 'base64url').length;

/** The browser's P-256 public key (uncompressed point: 65 bytes, 0x04 first) and its 16-byte auth secret. */
export function requirePushKeys(keys: PushKeys): void {
  const p256dh = BASE64URL.test(keys.p256dh) ? Buffer.from(keys.p256dh, 'base64url') : undefined;
  if (!p256dh || p256dh.length !== 65 || p256dh[0] !== 4) throw inboxErrors.invalidKey('keys.p256dh');
  if (!BASE64URL.test(keys.auth) || decodedLength(keys.auth) !== 16)
    throw inboxErrors.invalidKey('keys.auth');
}
