import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useAccountRequest } from '../../ui/account-form';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { fieldErrors, ProblemAlert } from '../../ui/problem';

/** Two steps: ask for a code, then set a new password with it. Every session ends afterwards. */
export default function ResetPasswordPage() {
  const [step, setStep] = useState<'ask' | 'set' | 'done'>('ask');
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const { send, problem, busy } = useAccountRequest();
  const errors = fieldErrors(problem);

  return (
    <Page title={t('reset.title')}>
      <ProblemAlert problem={problem} />
      {step === 'ask' && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await send('/api/accounts/password-resets', { login })) setStep('set');
          }}
        >
          <p class="lead">{t('reset.lead')}</p>
          <TextField
            id="login"
            autoComplete="username"
            label={t('signIn.login')}
            hint={t('signIn.loginHint')}
            value={login}
            onInput={setLogin}
            required
            error={errors.login}
          />
          <button class="button" type="submit" disabled={busy}>
            {t('reset.ask')}
          </button>
        </form>
      )}
      {step === 'set' && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await send('/api/accounts/password-resets/confirmations', { login, code, newPassword }))
              setStep('done');
          }}
        >
          <p class="lead" role="status">
            {t('reset.codeSent')}
          </p>
          <TextField
            id="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            label={t('confirm.code')}
            value={code}
            onInput={setCode}
            required
            error={errors.code}
          />
          <TextField
            id="new-password"
            type="password"
            autoComplete="new-password"
            label={t('reset.newPassword')}
            hint={t('register.passwordHint')}
            value={newPassword}
            onInput={setNewPassword}
            required
            minLength={8}
            maxLength={128}
            error={errors.newPassword}
          />
          <button class="button" type="submit" disabled={busy}>
            {t('reset.set')}
          </button>
        </form>
      )}
      {step === 'done' && (
        <p class="alert alert-success" role="status">
          {t('reset.done')}{' '}
          <a href={`${paths.signIn}?login=${encodeURIComponent(login)}`}>{t('nav.signIn')}</a>
        </p>
      )}
    </Page>
  );
}
