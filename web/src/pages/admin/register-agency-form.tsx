import { useEffect, useState } from 'preact/hooks';
import { forgetAgencies, loadCategories } from '../../api/reference';
import { Category, CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { AgencySelect } from '../../ui/agency-select';
import { TextField } from '../../ui/fields';
import { categoryLabel } from '../../ui/format';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { RegionPicker } from '../../ui/region-picker';
import { useCommand } from '../../ui/use-command';

/** Registers an agency (OPD): its id, name, region, parent for escalations and the categories it serves. */
export function RegisterAgencyForm({ registered }: { registered: (agencyId: string) => void }) {
  const [agencyId, setAgencyId] = useState('');
  const [name, setName] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [parentAgencyId, setParent] = useState('');
  const [served, setServed] = useState<readonly string[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const { send, problem, busy } = useCommand();
  const errors = fieldErrors(problem);
  useEffect(() => {
    loadCategories()
      .then(setCategories)
      .catch(() => undefined);
  }, []);

  const toggle = (code: string, on: boolean) =>
    setServed((before) => (on ? [...before, code] : before.filter((c) => c !== code)));

  const submit = async (event: Event) => {
    event.preventDefault();
    const parent = parentAgencyId ? { parentAgencyId } : {};
    const body = { agencyId, name, regionCode, categories: served, ...parent };
    const result = await send<CommandResult>('/api/agencies', body);
    if (!result) return;
    forgetAgencies(result.position);
    registered(agencyId);
    setAgencyId('');
    setName('');
    setServed([]);
    setParent('');
  };

  return (
    <form aria-labelledby="register-agency-title" onSubmit={(event) => void submit(event)}>
      <h2 id="register-agency-title">{t('agencies.registerTitle')}</h2>
      <ProblemAlert problem={problem} />
      <TextField
        id="agency-id"
        label={t('agencies.id')}
        hint={t('agencies.idHint')}
        value={agencyId}
        onInput={setAgencyId}
        required
        minLength={2}
        maxLength={64}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        autoComplete="off"
        error={errors.agencyId}
      />
      <TextField
        id="agency-name"
        label={t('agencies.name')}
        hint={t('agencies.nameHint')}
        value={name}
        onInput={setName}
        required
        minLength={3}
        maxLength={200}
        autoComplete="off"
        error={errors.name}
      />
      <RegionPicker
        id="agency-region"
        legend={t('agencies.region')}
        hint={t('agencies.regionHint')}
        value={regionCode}
        onChange={setRegionCode}
        emptyLabel={t('submit.choose')}
        error={errors.regionCode}
      />
      <AgencySelect
        id="agency-parent"
        label={t('agencies.parent')}
        hint={t('agencies.parentHint')}
        value={parentAgencyId}
        onChange={setParent}
        emptyLabel={t('agencies.noParent')}
        error={errors.parentAgencyId}
      />
      <fieldset class="field">
        <legend>{t('agencies.categories')}</legend>
        <p class="hint">{t('agencies.categoriesHint')}</p>
        <div class="check-grid">
          {categories.map((category) => (
            <label class="choice" key={category.code}>
              <input
                type="checkbox"
                name="categories"
                value={category.code}
                checked={served.includes(category.code)}
                onChange={(e) => toggle(category.code, (e.target as HTMLInputElement).checked)}
              />
              {categoryLabel(category.code, category.name)}
            </label>
          ))}
        </div>
      </fieldset>
      <button class="button" type="submit" disabled={busy || regionCode === ''}>
        {busy ? t('common.sending') : t('agencies.register')}
      </button>
    </form>
  );
}
