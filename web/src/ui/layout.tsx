import { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso/router';
import { language, setLanguage, t } from '../i18n/i18n';
import { OutboxBanner } from '../offline/pending-list';
import { session, useSession } from '../session/session';
import { paths } from '../paths';
import { isCitizen } from '../session/roles';
import { NotificationsLink } from './notifications-link';
import { roleLabel, staffLinks } from './staff-nav';

/** Header with the main links, the language switch and who is signed in; the page in <main>. */
export function Layout({ children }: { children: ComponentChildren }) {
  const state = useSession();
  const { path, route } = useLocation();
  const other = language() === 'id' ? 'en' : 'id';
  const link = (href: string, label: string) => (
    <a href={href} aria-current={path === href ? 'page' : undefined}>
      {label}
    </a>
  );
  const signOut = async () => {
    await session.signOut();
    route(paths.feed);
  };
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="header-row">
          <a class="brand" href={paths.feed}>
            {t('app.name')}
          </a>
          <button type="button" class="language-switch" lang={other} onClick={() => void setLanguage(other)}>
            {t('nav.otherLanguage')}
          </button>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>{link(paths.feed, t('nav.feed'))}</li>
            {isCitizen(state) && <li>{link(paths.submit, t('nav.submit'))}</li>}
            <li>{link(paths.groups, t('group.nav'))}</li>
            <li>{link(paths.statistics, t('nav.statistics'))}</li>
            <li>{link(paths.announcements, t('announcement.nav'))}</li>
            {staffLinks(state).map(({ href, label }) => (
              <li key={href}>{link(href, label)}</li>
            ))}
            {state.status === 'signed_in' ? (
              <>
                <li>{link(paths.mine, t('nav.mine'))}</li>
                <li>
                  <NotificationsLink actorId={state.actorId} path={path} />
                </li>
                <li>{link(paths.account, t('nav.account'))}</li>
                <li>
                  <button type="button" class="link-button" onClick={() => void signOut()}>
                    {t('nav.signOut')}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>{link(paths.signIn, t('nav.signIn'))}</li>
                <li>{link(paths.register, t('nav.register'))}</li>
              </>
            )}
          </ul>
        </nav>
        {roleLabel(state) && <p class="role-line">{roleLabel(state)}</p>}
      </header>
      <OutboxBanner />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        <p class="muted small">{t('app.footer')}</p>
      </footer>
    </>
  );
}
