import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { Problem } from '../../api/http';
import { loadCategories } from '../../api/reference';
import { Category } from '../../api/types';
import { t } from '../../i18n/i18n';
import { outbox } from '../../offline/outbox';
import { PendingSubmissions } from '../../offline/pending-sections';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { categoryLabel } from '../../ui/format';
import { Page } from '../../ui/page';
import { fieldErrors, problemOf, ProblemAlert } from '../../ui/problem';
import { RegionPicker } from '../../ui/region-picker';

/** A citizen submits an aspiration; what "anonymous" and "confidential" mean is said in plain words beside them. */
export default function SubmitPage() {
  const me = useSession();
  const { route } = useLocation();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [categories, setCategories] = useState<Category[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);

  useEffect(() => {
    loadCategories()
      .then(setCategories)
      .catch((error) => setProblem(problemOf(error)));
  }, []);

  if (me.status !== 'signed_in')
    return (
      <Page title={t('submit.title')}>
        {me.status === 'restoring' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <p>
            {t('submit.signInFirst')}{' '}
            <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.submit)}`}>{t('nav.signIn')}</a>{' '}
            {t('common.or')} <a href={paths.register}>{t('nav.register')}</a>
          </p>
        )}
        <PendingSubmissions />
      </Page>
    );

  const errors = fieldErrors(problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setQueued(false);
    try {
      const visibility = confidential ? 'confidential' : 'public';
      // Kept on the phone with its own Idempotency-Key first: without a network it waits and is sent once later.
      const sent = await outbox.send({
        kind: 'submission',
        path: '/api/aspirations',
        body: { title, body, category, regionCode, visibility, anonymous },
        regionCode,
      });
      if (sent !== 'queued') return route(paths.thread(sent.id));
      setQueued(true);
      setTitle('');
      setBody('');
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('submit.title')}>
      <p class="lead">{t('submit.lead')}</p>
      {queued && (
        <div class="alert alert-success" role="status">
          <p>{t('offline.submissionQueued')}</p>
        </div>
      )}
      <PendingSubmissions />
      <form onSubmit={(event) => void submit(event)} noValidate={false}>
        <ProblemAlert problem={problem} />
        <TextField
          id="title"
          label={t('submit.titleLabel')}
          hint={t('submit.titleHint')}
          value={title}
          onInput={setTitle}
          required
          minLength={5}
          maxLength={150}
          error={errors.title}
        />
        <TextAreaField
          id="body"
          label={t('submit.bodyLabel')}
          hint={t('submit.bodyHint')}
          value={body}
          onInput={setBody}
          required
          minLength={10}
          maxLength={5000}
          rows={6}
          error={errors.body}
        />
        <SelectField
          id="category"
          label={t('submit.categoryLabel')}
          value={category}
          onChange={setCategory}
          required
          error={errors.category}
          options={[
            { value: '', label: t('submit.choose') },
            ...categories.map((c) => ({ value: c.code, label: categoryLabel(c.code, c.name) })),
          ]}
        />
        <RegionPicker
          id="region"
          legend={t('submit.regionLabel')}
          hint={t('submit.regionHint')}
          value={regionCode}
          onChange={setRegionCode}
          emptyLabel={t('submit.choose')}
          error={errors.regionCode}
        />
        <fieldset class="field">
          <legend>{t('submit.privacy')}</legend>
          <div class="check">
            <input
              id="confidential"
              type="checkbox"
              checked={confidential}
              aria-describedby="confidential-hint"
              onChange={(e) => setConfidential((e.target as HTMLInputElement).checked)}
            />
            <label for="confidential">{t('submit.confidential')}</label>
            <p class="hint" id="confidential-hint">
              {t('submit.confidentialHint')}
            </p>
          </div>
          <div class="check">
            <input
              id="anonymous"
              type="checkbox"
              checked={anonymous}
              aria-describedby="anonymous-hint"
              onChange={(e) => setAnonymous((e.target as HTMLInputElement).checked)}
            />
            <label for="anonymous">{t('submit.anonymous')}</label>
            <p class="hint" id="anonymous-hint">
              {t('submit.anonymousHint')}
            </p>
          </div>
        </fieldset>
        <p class="hint">{t('submit.verificationNote')}</p>
        <button class="button" type="submit" disabled={busy || regionCode === ''}>
          {busy ? t('common.sending') : t('submit.send')}
        </button>
      </form>
    </Page>
  );
}
