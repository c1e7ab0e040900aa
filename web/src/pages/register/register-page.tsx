import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { rememberRegistration } from '../../session/registration-password';
import { useAccountRequest } from '../../ui/account-form';
import { TextField } from '../../ui/fields';
import { Page } from '../../ui/page';
import { fieldErrors, ProblemAlert } from '../../ui/problem';

/** Registration with a phone number (the usual way) or an e-mail address; a code confirms it. */
export default function RegisterPage() {
  const { route } = useLocation();
  const [by, setBy] = useState<'phone' | 'email'>('phone');
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { send, problem, busy } = useAccountRequest();
  const errors = fieldErrors(problem);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!(await send('/api/accounts', { [by]: login, displayName, password }))) return;
    rememberRegistration(login, password);
    route(`${paths.confirm}?login=${encodeURIComponent(login)}`);
  };

  return (
    <Page title={t('register.title')}>
      <p class="lead">{t('register.lead')}</p>
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        <fieldset class="field">
          <legend>{t('register.by')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="by"
              value="phone"
              checked={by === 'phone'}
              onChange={() => setBy('phone')}
            />
            {t('register.byPhone')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="by"
              value="email"
              checked={by === 'email'}
              onChange={() => setBy('email')}
            />
            {t('register.byEmail')}
          </label>
        </fieldset>
        {by === 'phone' ? (
          <TextField
            id="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            label={t('register.phone')}
            hint={t('register.phoneHint')}
            value={login}
            onInput={setLogin}
            required
            error={errors.phone}
          />
        ) : (
          <TextField
            id="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            label={t('register.email')}
            value={login}
            onInput={setLogin}
            required
            error={errors.email}
          />
        )}
        <TextField
          id="display-name"
          autoComplete="name"
          label={t('register.displayName')}
          hint={t('register.displayNameHint')}
          value={displayName}
          onInput={setDisplayName}
          required
          maxLength={100}
          error={errors.displayName}
        />
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
          value={password}
          onInput={setPassword}
          required
          minLength={8}
          maxLength={128}
          error={errors.password}
        />
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('common.sending') : t('register.send')}
        </button>
      </form>
      <p>
        {t('register.haveAccount')} <a href={paths.signIn}>{t('nav.signIn')}</a>
      </p>
    </Page>
  );
}
