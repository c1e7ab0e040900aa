import { useEffect, useState } from 'preact/hooks';
import { loadAgencies } from '../api/reference';
import { Agency } from '../api/types';
import { t } from '../i18n/i18n';
import { SelectField } from './fields';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly error?: string;
  readonly value: string;
  readonly onChange: (agencyId: string) => void;
  /** The first option: what choosing nothing means here. */
  readonly emptyLabel: string;
  readonly required?: boolean;
  /** Agencies not to offer (e.g. the one an aspiration is with already). */
  readonly exclude?: readonly string[];
  /** A region code: the agencies registered for it or above it are offered first. */
  readonly near?: string;
}

const covers = (scope: string, code: string) => code === scope || code.startsWith(`${scope}.`);

/** An agency from GET /api/agencies, those serving the place first. */
export function AgencySelect(props: Props) {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    loadAgencies()
      .then(setAgencies)
      .catch(() => setAgencies([]));
  }, []);
  const offered = agencies.filter((agency) => !props.exclude?.includes(agency.agencyId));
  const near = props.near;
  const sorted = near
    ? [
        ...offered.filter((a) => covers(a.regionCode, near)),
        ...offered.filter((a) => !covers(a.regionCode, near)),
      ]
    : offered;
  return (
    <SelectField
      id={props.id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      value={props.value}
      onChange={props.onChange}
      required={props.required}
      options={[
        { value: '', label: props.emptyLabel },
        ...sorted.map((agency) => ({
          value: agency.agencyId,
          label: t('agencySelect.option', { name: agency.name, region: agency.regionCode }),
        })),
      ]}
    />
  );
}
