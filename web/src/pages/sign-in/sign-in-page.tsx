import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { Problem } from '../../api/http';
import { t } from '../../i18n/i18n';
import { nextPath, paths } from '../../paths';
import { session } from '../../session/session';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { staffLinks } from '../../ui/staff-nav';
import { ProblemAlert } from '../../ui/problem';

/** Sign-in with the phone number or e-mail address registered, then back to where the person was going. */
export default function SignInPage() {
  const { query, route } = useLocation();
  const [login, setLogin] = useState(query.login ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await session.signIn(login, password);
      // Staff start on their role's first page (a facilitator's queue, an official's inbox).
      if (response.ok) return route(nextPath(query, staffLinks(session.state)[0]?.href ?? paths.mine));
      const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
      setProblem({ status: response.status, code: body.code ?? `http_${response.status}` });
    } catch {
      setProblem({ status: 0, code: 'network_error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('signIn.title')}>
      {query.aktif === '1' && (
        <p class="alert alert-success" role="status">
          {t('signIn.activated')}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        <TextField
          id="login"
          autoComplete="username"
          label={t('signIn.login')}
          hint={t('signIn.loginHint')}
          value={login}
          onInput={setLogin}
          required
        />
        <TextField
          id="password"
          type="password"
          autoComplete="current-password"
          label={t('signIn.password')}
          value={password}
          onInput={setPassword}
          required
        />
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('common.sending') : t('signIn.send')}
        </button>
      </form>
      <p>
        <a href={paths.resetPassword}>{t('signIn.forgot')}</a>
      </p>
      <p>
        {t('signIn.noAccount')} <a href={paths.register}>{t('nav.register')}</a>
      </p>
    </Page>
  );
}
