import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, newIdempotencyKey, Problem } from '../../api/http';
import { loadCategories } from '../../api/reference';
import { Category, CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { categoryLabel } from '../../ui/format';
import { fieldErrors, problemOf, ProblemAlert } from '../../ui/problem';
import { RegionPicker } from '../../ui/region-picker';
import { StaffGate } from '../../ui/staff-gate';
import { PrivacyChoices } from './privacy-choices';

/** A facilitator writes down a villager's aspiration (one without a phone of their own), in their region only. */
export default function OnBehalfPage() {
  return (
    <StaffGate title={t('onBehalf.title')} kinds={['facilitator']} path={paths.onBehalf}>
      {(role) => <OnBehalfForm within={role.kind === 'facilitator' ? role.regionCode : undefined} />}
    </StaffGate>
  );
}

function OnBehalfForm({ within }: { within?: string }) {
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [category, setCategory] = useState('');
  const [regionCode, setRegionCode] = useState(within ?? '');
  const [confidential, setConfidential] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [categories, setCategories] = useState<Category[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  // One key for this submission: sending again after a lost answer finds the same aspiration.
  const [key] = useState(newIdempotencyKey);

  useEffect(() => {
    loadCategories()
      .then(setCategories)
      .catch((error) => setProblem(problemOf(error)));
  }, []);

  const errors = fieldErrors(problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const onBehalfOf = { name, ...(contact.trim() && { contact }) };
      const visibility = confidential ? 'confidential' : 'public';
      const result = await api<CommandResult>('/api/aspirations', {
        method: 'POST',
        body: { title, body, category, regionCode, visibility, anonymous, onBehalfOf },
        idempotencyKey: key,
      });
      route(paths.thread(result.id));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <p class="lead">{t('onBehalf.lead')}</p>
      <ProblemAlert problem={problem} />
      <fieldset class="field">
        <legend>{t('onBehalf.villager')}</legend>
        <TextField
          id="villager-name"
          label={t('onBehalf.name')}
          hint={t('onBehalf.nameHint')}
          value={name}
          onInput={setName}
          required
          maxLength={200}
          error={errors.onBehalfOf}
        />
        <TextField
          id="villager-contact"
          label={t('onBehalf.contact')}
          hint={t('onBehalf.contactHint')}
          value={contact}
          onInput={setContact}
          maxLength={200}
        />
      </fieldset>
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
        hint={t('onBehalf.bodyHint')}
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
        hint={within ? t('onBehalf.regionHint', { region: within }) : t('submit.regionHint')}
        value={regionCode}
        onChange={setRegionCode}
        emptyLabel={t('submit.choose')}
        error={errors.regionCode}
        within={within}
      />
      <PrivacyChoices
        confidential={confidential}
        anonymous={anonymous}
        onConfidential={setConfidential}
        onAnonymous={setAnonymous}
      />
      <button class="button" type="submit" disabled={busy || regionCode === ''}>
        {busy ? t('common.sending') : t('onBehalf.send')}
      </button>
    </form>
  );
}
