import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { groupMessage } from './group-problem';
import { RegionPicker } from '../../ui/region-picker';
import { useCommand } from '../../ui/use-command';

/** A facilitator founds a group in their region; a citizen proposes one for a facilitator to approve. */
export function FoundGroupForm({ founds, within }: { founds: boolean; within?: string }) {
  const { route } = useLocation();
  const { send, problem, busy } = useCommand();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [regionCode, setRegionCode] = useState('');
  const [joinPolicy, setJoinPolicy] = useState('open');
  const [threshold, setThreshold] = useState('3');
  const errors = fieldErrors(problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { name, description, regionCode, joinPolicy, signatureThreshold: Number(threshold) };
    const result = await send<CommandResult>('/api/groups', body);
    if (result) route(paths.group(result.id));
  };
  const title = founds ? t('group.found.title') : t('group.propose.title');
  return (
    <form class="command-form" aria-labelledby="found-group-title" onSubmit={(event) => void submit(event)}>
      <h2 id="found-group-title">{title}</h2>
      <p class="hint">{founds ? t('group.found.hint') : t('group.propose.hint')}</p>
      <ProblemAlert problem={problem} message={groupMessage(problem)} />
      <TextField
        id="group-name"
        label={t('group.nameLabel')}
        value={name}
        onInput={setName}
        required
        minLength={3}
        maxLength={100}
        error={errors.name}
      />
      <TextAreaField
        id="group-description"
        label={t('group.descriptionLabel')}
        value={description}
        onInput={setDescription}
        maxLength={1000}
        rows={3}
        error={errors.description}
      />
      <RegionPicker
        id="group-region"
        legend={t('group.regionLabel')}
        hint={t('group.regionHint')}
        value={regionCode}
        onChange={setRegionCode}
        emptyLabel={t('submit.choose')}
        within={within}
        error={errors.regionCode}
      />
      <SelectField
        id="group-join-policy"
        label={t('group.joinPolicyLabel')}
        value={joinPolicy}
        onChange={setJoinPolicy}
        options={[
          { value: 'open', label: t('group.joinPolicy.open') },
          { value: 'closed', label: t('group.joinPolicy.closed') },
        ]}
      />
      <SelectField
        id="group-threshold"
        label={t('group.thresholdLabel')}
        hint={t('group.thresholdHint')}
        value={threshold}
        onChange={setThreshold}
        options={[1, 2, 3, 4, 5, 10].map((n) => ({ value: String(n), label: String(n) }))}
        error={errors.signatureThreshold}
      />
      <button class="button" type="submit" disabled={busy}>
        {busy ? t('common.sending') : title}
      </button>
    </form>
  );
}
