import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { paths } from '../paths';

type Store = (typeof import('../live/my-notifications'))['myNotifications'];

/**
 * The header's link to one's notifications with the unread count, kept current live. The live code loads only once
 * someone is signed in, so a visitor's first page stays light.
 */
export function NotificationsLink({ actorId, path }: { actorId: string; path: string }) {
  const [store, setStore] = useState<Store | undefined>();
  const [unread, setUnread] = useState<number | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const shown = useRef<number | undefined>(undefined);

  useEffect(() => {
    // After the page itself has loaded, so the count never competes with the first view for a slow connection.
    const start = () =>
      void import('../live/my-notifications')
        .then((module) => setStore(module.myNotifications))
        .catch(() => undefined);
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => window.removeEventListener('load', start);
  }, []);
  useEffect(
    () =>
      store?.onUnread((count) => {
        // Said aloud only when more arrive, not on every read mark or page.
        if (count !== undefined && shown.current !== undefined && count > shown.current)
          setAnnouncement(t('notifications.arrived', { count }));
        shown.current = count;
        setUnread(count);
      }),
    [store],
  );
  // Every page visit retries a start that failed without a network.
  useEffect(() => store?.follow(actorId), [store, actorId, path]);
  useEffect(() => () => store?.stop(), [store, actorId]);

  const label = t('nav.notifications');
  return (
    <>
      <a
        href={paths.notifications}
        aria-current={path === paths.notifications ? 'page' : undefined}
        data-unread-count={unread ?? ''}
      >
        {label}
        {!!unread && (
          <span class="unread-count">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span class="visually-hidden">{t('notifications.unreadCount', { count: unread })}</span>
          </span>
        )}
      </a>
      <span class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
