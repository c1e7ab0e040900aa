import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { session, TokenPair } from '../../session/session';
import { TextField } from '../../ui/fields';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { useMyRequest } from './use-my-request';

/** A new password; every other session ends, this one goes on with the pair the server answers. */
export function ChangePasswordForm() {
  const { send, problem, busy } = useMyRequest();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [changed, setChanged] = useState(false);
  const errors = fieldErrors(problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    setChanged(false);
    // The live connections the server closes for the change wait for this session's new pair.
    const answer = await session.replacedBy(async () => {
      const sent = await send<TokenPair>('/api/me/password', 'POST', { currentPassword, newPassword });
      if (sent.ok) session.continueWith(sent.value);
      return sent;
    });
    if (!answer.ok) return;
    setCurrent('');
    setNew('');
    setChanged(true);
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      {changed && (
        <p class="alert alert-success" role="status">
          {t('account.passwordChanged')}
        </p>
      )}
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        <TextField
          id="current-password"
          type="password"
          autoComplete="current-password"
          label={t('account.currentPassword')}
          value={currentPassword}
          onInput={setCurrent}
          required
          error={errors.currentPassword}
        />
        <TextField
          id="new-password"
          type="password"
          autoComplete="new-password"
          label={t('account.newPassword')}
          hint={t('register.passwordHint')}
          value={newPassword}
          onInput={setNew}
          required
          minLength={8}
          maxLength={128}
          error={errors.newPassword}
        />
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('common.sending') : t('account.changePassword')}
        </button>
      </form>
    </section>
  );
}
