import { useEffect, useState } from 'preact/hooks';
import { loadChildRegions } from '../../api/reference';
import { Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { describedBy, FieldFrame, SelectField } from '../../ui/fields';
import { zoneOfRegion } from '../../ui/time-zone';
import { PreferencesForm, provinceOf, withProvince } from './preferences-form';

interface Props {
  readonly form: PreferencesForm;
  readonly onChange: (form: PreferencesForm) => void;
  readonly errors: Record<string, string>;
}

function TimeField(props: { id: string; label: string; value: string; onInput: (v: string) => void }) {
  const { id, value, onInput } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={id}
        name={id}
        type="time"
        value={value}
        required
        aria-describedby={describedBy(props)}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
    </FieldFrame>
  );
}

/** Hours in which nothing but the in-app list is told, and the home province whose time zone they are read in. */
export function QuietHoursFields({ form, onChange, errors }: Props) {
  // The zone of the province picked, at once: the server answers the same once saved.
  const timeZone = zoneOfRegion(form.regionCode);
  const [provinces, setProvinces] = useState<Region[]>([]);
  useEffect(() => {
    loadChildRegions()
      .then(setProvinces)
      .catch(() => undefined);
  }, []);
  return (
    <section aria-labelledby="quiet-title">
      <h2 id="quiet-title">{t('prefs.quietTitle')}</h2>
      {errors.quietHours && (
        <p class="field-error" role="alert">
          {errors.quietHours}
        </p>
      )}
      <div class="check">
        <input
          id="quiet-on"
          type="checkbox"
          checked={form.quiet}
          aria-describedby="quiet-on-hint"
          onChange={(event) => onChange({ ...form, quiet: (event.target as HTMLInputElement).checked })}
        />
        <label for="quiet-on">{t('prefs.quietOn')}</label>
        <p class="hint" id="quiet-on-hint">
          {t('prefs.quietHint')}
        </p>
      </div>
      {form.quiet && (
        <div class="quiet-times">
          <TimeField
            id="quiet-start"
            label={t('prefs.quietStart', { zone: timeZone })}
            value={form.start}
            onInput={(start) => onChange({ ...form, start })}
          />
          <TimeField
            id="quiet-end"
            label={t('prefs.quietEnd', { zone: timeZone })}
            value={form.end}
            onInput={(end) => onChange({ ...form, end })}
          />
        </div>
      )}
      <SelectField
        id="home-province"
        label={t('prefs.province')}
        hint={t('prefs.provinceHint', { zone: timeZone })}
        error={errors.regionCode}
        value={provinceOf(form.regionCode)}
        onChange={(province) => onChange(withProvince(form, province))}
        options={[
          { value: '', label: t('prefs.noProvince') },
          ...provinces.map((province) => ({
            value: province.code,
            label: `${province.name} (${province.timeZone})`,
          })),
        ]}
      />
    </section>
  );
}
