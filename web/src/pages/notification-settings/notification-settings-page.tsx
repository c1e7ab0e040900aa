import { useEffect, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { NotificationSettings } from '../../api/notification-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { fieldErrors, problemOf, ProblemAlert } from '../../ui/problem';
import { ChannelChoices } from './channel-choices';
import { bodyOf, formOf, PreferencesForm } from './preferences-form';
import { PushBrowsers } from './push-browsers';
import { QuietHoursFields } from './quiet-hours-fields';
import './notification-settings.css';

/** How the person hears of their notifications: channels per kind, quiet hours, and browsers receiving Web Push. */
export default function NotificationSettingsPage() {
  const me = useSession();
  return (
    <Page title={t('prefs.title')}>
      {me.status === 'restoring' && <p role="status">{t('common.loading')}</p>}
      {me.status === 'anonymous' && (
        <p>
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.notificationSettings)}`}>
            {t('notifications.signIn')}
          </a>
        </p>
      )}
      {me.status === 'signed_in' && <Settings key={me.actorId} />}
    </Page>
  );
}

function Settings() {
  const [settings, setSettings] = useState<NotificationSettings | undefined>();
  const [form, setForm] = useState<PreferencesForm | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const read = async (keepForm: boolean) => {
    try {
      const fresh = await api<NotificationSettings>(readPath('/api/me/notification-preferences'));
      setSettings(fresh);
      if (!keepForm) setForm(formOf(fresh.preferences));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  useEffect(() => void read(false), []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!form) return;
    setBusy(true);
    setSaved(false);
    setProblem(undefined);
    try {
      await api('/api/me/notification-preferences', { method: 'PUT', body: bodyOf(form) });
      setSaved(true);
      await read(false);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  if (!settings || !form)
    return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>;
  return (
    <>
      <p class="lead">{t('prefs.lead')}</p>
      <p>
        <a href={paths.notifications}>{t('prefs.toNotifications')}</a>
      </p>
      {!settings.preferences.chosen && <p class="note">{t('prefs.defaults')}</p>}
      <form onSubmit={(event) => void save(event)}>
        <ProblemAlert problem={problem} />
        <ChannelChoices form={form} onChange={setForm} />
        <QuietHoursFields form={form} onChange={setForm} errors={fieldErrors(problem)} />
        {saved && (
          <p class="alert alert-success" role="status">
            {t('prefs.saved')}
          </p>
        )}
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('common.sending') : t('prefs.save')}
        </button>
      </form>
      <PushBrowsers
        subscriptions={settings.pushSubscriptions}
        zone={settings.preferences.timeZone}
        changed={() => void read(true)}
      />
    </>
  );
}
