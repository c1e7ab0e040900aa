import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { outbox } from '../../offline/outbox';
import { session } from '../../session/session';
import { TextField } from '../../ui/fields';
import { ProblemAlert } from '../../ui/problem';
import { useMyRequest } from './use-my-request';

/** What erasure means, in plain words, before anyone is asked to confirm it. */
const CONSEQUENCES = ['forever', 'personal', 'messages', 'signedOut', 'audit'] as const;

/** Erases the account for good: the password again (a phone left signed in erases no one) and a plain "I understand". */
export function EraseAccountForm({
  actorId,
  erased,
}: {
  actorId: string;
  erased: (completing: boolean) => void;
}) {
  const { send, problem, busy } = useMyRequest();
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await send<{ status: 'completing' } | undefined>('/api/me', 'DELETE', { password });
    if (!answer.ok) return;
    // Nothing of the person stays on this phone either: what still waited to be sent goes too.
    await outbox.forget(actorId);
    session.forget();
    erased(answer.value?.status === 'completing');
  };
  return (
    <section class="danger-zone" aria-labelledby="erase-title">
      <h2 id="erase-title">{t('account.eraseTitle')}</h2>
      <p>{t('account.eraseLead')}</p>
      <ul>
        {CONSEQUENCES.map((key) => (
          <li key={key}>{t(`account.erase.${key}`)}</li>
        ))}
      </ul>
      <form onSubmit={(event) => void submit(event)}>
        <ProblemAlert problem={problem} />
        <TextField
          id="erase-password"
          type="password"
          autoComplete="current-password"
          label={t('account.erasePassword')}
          value={password}
          onInput={setPassword}
          required
        />
        <div class="check">
          <input
            id="erase-understood"
            type="checkbox"
            checked={understood}
            required
            onChange={(e) => setUnderstood((e.target as HTMLInputElement).checked)}
          />
          <label for="erase-understood">{t('account.eraseUnderstood')}</label>
        </div>
        <button class="button button-danger" type="submit" disabled={busy || !understood}>
          {busy ? t('common.sending') : t('account.eraseSend')}
        </button>
      </form>
    </section>
  );
}
