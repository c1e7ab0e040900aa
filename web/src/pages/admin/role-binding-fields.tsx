import { t } from '../../i18n/i18n';
import { AgencySelect } from '../../ui/agency-select';
import { RegionPicker } from '../../ui/region-picker';

export type RoleName = 'official' | 'facilitator' | 'auditor' | 'admin';

export interface RoleBinding {
  readonly role: RoleName | '';
  readonly agencyId: string;
  readonly regionCode: string;
}

export const emptyBinding: RoleBinding = { role: '', agencyId: '', regionCode: '' };

/** The request body's part for a role: an official names the agency, a facilitator the region, others neither. */
export function bindingBody({ role, agencyId, regionCode }: RoleBinding) {
  if (role === 'official') return { role, agencyId };
  if (role === 'facilitator') return { role, regionCode };
  return { role };
}

interface Props {
  readonly id: string;
  readonly roles: readonly RoleName[];
  readonly value: RoleBinding;
  readonly onChange: (value: RoleBinding) => void;
  readonly errors: Record<string, string>;
}

/** A role, and what binds it: the agency an official serves, or the region a facilitator looks after. */
export function RoleBindingFields({ id, roles, value, onChange, errors }: Props) {
  return (
    <>
      <fieldset class="field">
        <legend>{t('roleBinding.role')}</legend>
        {roles.map((role) => (
          <label class="choice" key={role}>
            <input
              type="radio"
              name={`${id}-role`}
              value={role}
              required
              checked={value.role === role}
              onChange={() => onChange({ ...value, role })}
            />
            {t(`roleBinding.roleName.${role}`)}
          </label>
        ))}
        {errors.role && <p class="field-error">{errors.role}</p>}
      </fieldset>
      {value.role === 'official' && (
        <AgencySelect
          id={`${id}-agency`}
          label={t('roleBinding.agency')}
          hint={t('roleBinding.agencyHint')}
          value={value.agencyId}
          onChange={(agencyId) => onChange({ ...value, agencyId })}
          emptyLabel={t('submit.choose')}
          error={errors.agencyId}
          required
        />
      )}
      {value.role === 'facilitator' && (
        <RegionPicker
          id={`${id}-region`}
          legend={t('roleBinding.region')}
          hint={t('roleBinding.regionHint')}
          value={value.regionCode}
          onChange={(regionCode) => onChange({ ...value, regionCode })}
          emptyLabel={t('submit.choose')}
          error={errors.regionCode}
        />
      )}
    </>
  );
}
