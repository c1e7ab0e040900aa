import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { session, useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem';
import { ChangePasswordForm } from './change-password-form';
import { EraseAccountForm } from './erase-account-form';
import { useMyRequest } from './use-my-request';
import './account.css';

/** Signing out here or everywhere: the refresh tokens end on the server, not only on this phone. */
function Sessions() {
  const { route } = useLocation();
  const { send, problem, busy } = useMyRequest();
  const everywhere = async () => {
    if (!(await send('/api/sessions', 'DELETE')).ok) return;
    session.forget();
    route(paths.signIn);
  };
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
      <ProblemAlert problem={problem} />
      <p class="hint">{t('account.signOutHint')}</p>
      <p class="button-row">
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => void session.signOut().then(() => route(paths.feed))}
        >
          {t('account.signOutHere')}
        </button>
        <button
          type="button"
          class="button button-secondary"
          disabled={busy}
          onClick={() => void everywhere()}
        >
          {t('account.signOutEverywhere')}
        </button>
      </p>
    </section>
  );
}

/** The citizen's own account: password, sessions, and erasure. */
export default function AccountPage() {
  const me = useSession();
  const [erased, setErased] = useState<'done' | 'completing' | undefined>();
  if (erased)
    return (
      <Page title={t('account.erasedTitle')}>
        <p class="alert alert-success" role="status">
          {t(erased === 'done' ? 'account.erased' : 'account.erasedCompleting')}
        </p>
        <p>
          <a href={paths.feed}>{t('common.backToFeed')}</a>
        </p>
      </Page>
    );
  if (me.status !== 'signed_in')
    return (
      <Page title={t('account.title')}>
        {me.status === 'restoring' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p>
            <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.account)}`}>{t('account.signIn')}</a>
          </p>
        )}
      </Page>
    );
  return (
    <Page title={t('account.title')}>
      <ChangePasswordForm />
      <Sessions />
      <EraseAccountForm
        actorId={me.actorId}
        erased={(completing) => setErased(completing ? 'completing' : 'done')}
      />
    </Page>
  );
}
