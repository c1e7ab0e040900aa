import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { forgetRegistration, registeredPassword } from '../../session/registration-password';
import { useAccountRequest } from '../../ui/account-form';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { fieldErrors, ProblemAlert } from '../../ui/problem';

/**
 * The six-digit code sent by SMS or e-mail activates the account, with the password registered with: the one
 * just typed on the register page, or asked for here, so a code meant for someone else's registration fails.
 */
export default function ConfirmPage() {
  const { query, route } = useLocation();
  const [login, setLogin] = useState(query.login ?? '');
  const [code, setCode] = useState('');
  const [typedPassword, setTypedPassword] = useState('');
  const [resent, setResent] = useState(false);
  const { send, problem, busy } = useAccountRequest();
  const remembered = registeredPassword(login);
  const errors = fieldErrors(problem);
  // The API answers a wrong password as a wrong code, never saying which: the page names both.
  const wrongCode = problem?.code === 'wrong_code' ? t('confirm.wrongCodeOrPassword') : undefined;
  if (wrongCode) errors.code = wrongCode;

  const submit = async (event: Event) => {
    event.preventDefault();
    const password = remembered ?? typedPassword;
    if (!(await send('/api/accounts/confirmations', { login, code, password }))) return;
    forgetRegistration();
    route(`${paths.signIn}?login=${encodeURIComponent(login)}&aktif=1`);
  };
  const resend = async () => setResent(await send('/api/accounts/confirmation-codes', { login }));

  return (
    <Page title={t('confirm.title')}>
      <p class="lead">{t('confirm.lead')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} message={wrongCode} />
        <TextField
          id="login"
          autoComplete="username"
          label={t('confirm.login')}
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
          maxLength={6}
          label={t('confirm.code')}
          hint={t('confirm.codeHint')}
          value={code}
          onInput={setCode}
          required
          error={errors.code}
        />
        {remembered === undefined && (
          <TextField
            id="password"
            type="password"
            autoComplete="current-password"
            label={t('confirm.password')}
            hint={t('confirm.passwordHint')}
            value={typedPassword}
            onInput={setTypedPassword}
            required
            maxLength={128}
            error={errors.password}
          />
        )}
        <button class="button" type="submit" disabled={busy}>
          {t('confirm.send')}
        </button>
      </form>
      <p>
        <button
          type="button"
          class="link-button"
          disabled={busy || login === ''}
          onClick={() => void resend()}
        >
          {t('confirm.resend')}
        </button>
      </p>
      {resent && <p role="status">{t('confirm.resent')}</p>}
    </Page>
  );
}
