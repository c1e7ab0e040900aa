import {
  Channels,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationChannel,
  NotificationKind,
  NotificationSettings,
  PreferencesBody,
} from '../../api/notification-types';

/** The preferences as the form edits them: quiet hours keep their times while switched off. */
export interface PreferencesForm {
  readonly channels: Channels;
  readonly quiet: boolean;
  readonly start: string;
  readonly end: string;
  /** The home region as stored ('62' or '62.06'), '' for none (WIB). */
  readonly regionCode: string;
}

/** What a person most often wants when they first switch quiet hours on: the night. */
const NIGHT = { start: '22:00', end: '06:00' };

/** Every kind with its channels in the API's order, whatever the input holds. */
function normal(channels: Partial<Channels>): Channels {
  const normalised = {} as Record<NotificationKind, NotificationChannel[]>;
  for (const kind of NOTIFICATION_KINDS)
    normalised[kind] = NOTIFICATION_CHANNELS.filter((channel) => (channels[kind] ?? []).includes(channel));
  return normalised;
}

export function formOf(preferences: NotificationSettings['preferences']): PreferencesForm {
  const quiet = preferences.quietHours;
  return {
    channels: normal(preferences.channels),
    quiet: quiet !== null,
    start: quiet?.start ?? NIGHT.start,
    end: quiet?.end ?? NIGHT.end,
    regionCode: preferences.regionCode ?? '',
  };
}

/** The body of PUT /api/me/notification-preferences: every kind, its channels in the API's order. */
export function bodyOf(form: PreferencesForm): PreferencesBody {
  return {
    channels: normal(form.channels),
    quietHours: form.quiet ? { start: form.start, end: form.end } : null,
    regionCode: form.regionCode === '' ? null : form.regionCode,
  };
}

export function withChannel(
  form: PreferencesForm,
  kind: NotificationKind,
  channel: NotificationChannel,
  on: boolean,
): PreferencesForm {
  const others = form.channels[kind].filter((chosen) => chosen !== channel);
  return { ...form, channels: { ...form.channels, [kind]: on ? [...others, channel] : others } };
}

export const provinceOf = (regionCode: string): string => regionCode.split('.')[0];

/** A province picked for the time zone; a regency stored before stays while its province is the one picked. */
export function withProvince(form: PreferencesForm, province: string): PreferencesForm {
  if (province !== '' && provinceOf(form.regionCode) === province) return form;
  return { ...form, regionCode: province };
}
