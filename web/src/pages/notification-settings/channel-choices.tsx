import {
  isAnnouncementKind,
  isGroupKind,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NotificationKind,
} from '../../api/notification-types';
import { t } from '../../i18n/i18n';
import { PreferencesForm, withChannel } from './preferences-form';

/** For each kind of notification, the channels it also goes to; the in-app list always has it. */
export function ChannelChoices({
  form,
  onChange,
}: {
  form: PreferencesForm;
  onChange: (form: PreferencesForm) => void;
}) {
  const box = (kind: NotificationKind) => {
    const prefs = isGroupKind(kind)
      ? 'group.prefs'
      : isAnnouncementKind(kind)
        ? 'announcement.prefs'
        : 'prefs';
    return (
      <fieldset key={kind} class="field kind-channels" aria-describedby={`kind-${kind}-hint`}>
        <legend>{t(`${prefs}.kind.${kind}`)}</legend>
        <p class="hint" id={`kind-${kind}-hint`}>
          {t(`${prefs}.kindHint.${kind}`)}
        </p>
        <div class="channel-row">
          {NOTIFICATION_CHANNELS.map((channel) => {
            const id = `channel-${kind}-${channel}`;
            return (
              <div class="check" key={channel}>
                <input
                  id={id}
                  type="checkbox"
                  checked={form.channels[kind].includes(channel)}
                  onChange={(event) =>
                    onChange(withChannel(form, kind, channel, (event.target as HTMLInputElement).checked))
                  }
                />
                <label for={id}>{t(`prefs.channel.${channel}`)}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
  };
  return (
    <section aria-labelledby="channels-title">
      <h2 id="channels-title">{t('prefs.channelsTitle')}</h2>
      <p class="hint">{t('prefs.channelsLead')}</p>
      {NOTIFICATION_KINDS.map(box)}
      <p class="note">{t('prefs.digestNote')}</p>
    </section>
  );
}
