import { useEffect, useState } from 'preact/hooks';
import { loadCategories } from '../../api/reference';
import { Category } from '../../api/types';
import { t } from '../../i18n/i18n';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { categoryLabel } from '../../ui/format';
import { RegionPicker } from '../../ui/region-picker';

export interface AspirationDraft {
  title: string;
  body: string;
  category: string;
  regionCode: string;
}

export const emptyAspiration = (): AspirationDraft => ({ title: '', body: '', category: '', regionCode: '' });

/** An aspiration's own fields, for a group draft or a report turned into one: its region within the group's. */
export function AspirationFields(props: {
  prefix: string;
  value: AspirationDraft;
  onChange: (value: AspirationDraft) => void;
  within: string;
  errors: Record<string, string>;
}) {
  const { prefix, value, onChange, within, errors } = props;
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    loadCategories()
      .then(setCategories)
      .catch(() => undefined);
  }, []);
  const set = (field: keyof AspirationDraft) => (text: string) => onChange({ ...value, [field]: text });
  return (
    <>
      <TextField
        id={`${prefix}-title`}
        label={t('submit.titleLabel')}
        value={value.title}
        onInput={set('title')}
        required
        minLength={5}
        maxLength={150}
        error={errors.title}
      />
      <TextAreaField
        id={`${prefix}-body`}
        label={t('submit.bodyLabel')}
        value={value.body}
        onInput={set('body')}
        required
        minLength={10}
        maxLength={5000}
        rows={4}
        error={errors.body}
      />
      <SelectField
        id={`${prefix}-category`}
        label={t('submit.categoryLabel')}
        value={value.category}
        onChange={set('category')}
        required
        error={errors.category}
        options={[
          { value: '', label: t('submit.choose') },
          ...categories.map((c) => ({ value: c.code, label: categoryLabel(c.code, c.name) })),
        ]}
      />
      <RegionPicker
        id={`${prefix}-region`}
        legend={t('submit.regionLabel')}
        hint={t('group.draftRegionHint')}
        value={value.regionCode}
        onChange={set('regionCode')}
        emptyLabel={t('group.groupRegion')}
        within={within}
        error={errors.regionCode}
      />
    </>
  );
}

/** The body the API takes: no region means the group's own. */
export const aspirationBody = ({ regionCode, ...rest }: AspirationDraft) =>
  regionCode === '' ? rest : { ...rest, regionCode };
