import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/http';
import { NotificationSettings } from '../../api/notification-types';
import { loadAgencyNames } from '../../api/reference';
import { TimeZoneName } from '../../api/types';
import { t } from '../../i18n/i18n';
import { myNotifications } from '../../live/my-notifications';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem';
import { NotificationEntry } from './notification-entry';
import { useNotificationList } from './use-notification-list';
import './notifications.css';

/** The signed-in person's notifications, newest first, updated live; each leads to its thread. */
export default function NotificationsPage() {
  const me = useSession();
  return (
    <Page title={t('notifications.title')}>
      {me.status === 'restoring' && <p role="status">{t('common.loading')}</p>}
      {me.status === 'anonymous' && (
        <p>
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.notifications)}`}>
            {t('notifications.signIn')}
          </a>
        </p>
      )}
      {me.status === 'signed_in' && <NotificationList key={me.actorId} actorId={me.actorId} />}
    </Page>
  );
}

/** Times in the person's home zone, as chosen in the preferences (WIB until then). */
function useHomeZone(): TimeZoneName {
  const [zone, setZone] = useState<TimeZoneName>('WIB');
  useEffect(() => {
    api<NotificationSettings>('/api/me/notification-preferences')
      .then((settings) => setZone(settings.preferences.timeZone))
      .catch(() => undefined);
  }, []);
  return zone;
}

function NotificationList({ actorId }: { actorId: string }) {
  const { items, next, problem, busy, more, markRead, markAllRead } = useNotificationList(actorId);
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  const zone = useHomeZone();
  // All unread, also on pages not yet shown; the count of those shown until it is known.
  const [total, setTotal] = useState<number | undefined>();
  useEffect(() => myNotifications.onUnread(setTotal), []);
  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);
  const shownUnread = items?.filter((item) => !item.read).length ?? 0;
  const unread = total ?? shownUnread;
  return (
    <>
      <p class="lead">{t('notifications.lead')}</p>
      <p>
        <a href={paths.notificationSettings}>{t('notifications.toSettings')}</a>
      </p>
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {items === undefined
          ? t('common.loading')
          : items.length === 0
            ? t('notifications.empty')
            : unread > 0
              ? t('notifications.unread', { count: unread })
              : t('notifications.allRead')}
      </p>
      {shownUnread > 0 && (
        <p>
          <button type="button" class="button button-secondary" disabled={busy} onClick={markAllRead}>
            {t('notifications.markAllRead')}
          </button>
        </p>
      )}
      {items && items.length > 0 && (
        <ul class="thread-list notification-list">
          {items.map((item) => (
            <NotificationEntry
              key={item.id}
              item={item}
              agencies={agencies}
              zone={zone}
              busy={busy}
              markRead={markRead}
              opened={(opened) => void myNotifications.markRead(opened.id).catch(() => undefined)}
            />
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="button button-secondary" onClick={more}>
          {t('common.more')}
        </button>
      )}
    </>
  );
}
