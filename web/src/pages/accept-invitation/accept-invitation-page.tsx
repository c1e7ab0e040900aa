import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { Problem } from '../../api/http';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { staffLinks } from '../../ui/staff-nav';
import { session } from '../../session/session';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { fieldErrors, ProblemAlert } from '../../ui/problem';

/** The invitee sets a password with the code they received, and starts at once in their new role. */
export default function AcceptInvitationPage() {
  const { query, route } = useLocation();
  const [login, setLogin] = useState(query.login ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(problem);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await session.acceptInvitation(login, code, password);
      // The first page of their role: a facilitator's queue, an official's inbox.
      if (response.ok) return route(staffLinks(session.state)[0]?.href ?? paths.mine);
      const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
      setProblem({ ...body, status: response.status, code: body.code ?? `http_${response.status}` });
    } catch {
      setProblem({ status: 0, code: 'network_error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('accept.title')}>
      <p class="lead">{t('accept.lead')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        <TextField
          id="login"
          autoComplete="username"
          label={t('confirm.login')}
          hint={t('accept.loginHint')}
          value={login}
          onInput={setLogin}
          required
          error={errors.login}
        />
        <TextField
          id="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          label={t('accept.code')}
          hint={t('accept.codeHint')}
          value={code}
          onInput={setCode}
          required
          error={errors.code}
        />
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={t('accept.password')}
          hint={t('register.passwordHint')}
          value={password}
          onInput={setPassword}
          required
          minLength={8}
          maxLength={128}
          error={errors.password}
        />
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('common.sending') : t('accept.send')}
        </button>
      </form>
    </Page>
  );
}
