import { useEffect, useState } from 'preact/hooks';
import { loadChildRegions, searchRegions } from '../api/reference';
import { Region } from '../api/types';
import { t } from '../i18n/i18n';
import { placeName } from './format';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

/** '62.06.02' → ['62', '62.06', '62.06.02']: the code chosen at each level. */
const pathOf = (code: string): string[] =>
  code === '' ? [] : code.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

interface Props {
  readonly id: string;
  readonly legend: string;
  readonly hint?: string;
  readonly error?: string;
  readonly value: string;
  readonly onChange: (code: string) => void;
  /** Filters may stop at any level; a submission asks for the village. */
  readonly emptyLabel: string;
  /** Only regions under this one (a facilitator's region): the levels above it are not offered. */
  readonly within?: string;
}

/** A region from the national tree: step down province → regency → district → village, or search by name. */
export function RegionPicker({ id, legend, hint, error, value, onChange, emptyLabel, within }: Props) {
  const top = pathOf(within ?? '').length;
  const chosen = pathOf(value === '' && within ? within : value);
  const [levels, setLevels] = useState<Region[][]>([]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Region[] | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const parents = [undefined, ...chosen].slice(0, LEVELS.length);
    Promise.all(
      parents.map((parent, i) =>
        i >= top && (i === 0 || parent) ? loadChildRegions(parent) : Promise.resolve([]),
      ),
    )
      .then((lists) => current && setLevels(lists))
      .catch(() => undefined);
    return () => void (current = false);
  }, [value]);

  useEffect(() => {
    const words = query.trim();
    if (words.length < 3) return setFound(undefined);
    const timer = setTimeout(() => {
      searchRegions(words, within)
        .then(setFound)
        .catch(() => setFound([]));
    }, 300);
    return () => clearTimeout(timer);
  }, [query]);

  const pick = (code: string) => {
    onChange(code);
    setQuery('');
    setFound(undefined);
  };

  return (
    <fieldset
      class={`field region-picker${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <label for={`${id}-search`}>{t('region.search')}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        autoComplete="off"
        onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
      />
      {found && (
        <div class="region-results">
          <p class="muted small" role="status">
            {found.length === 0 ? t('region.noneFound') : t('region.found', { count: found.length })}
          </p>
          <ul>
            {found.map((region) => (
              <li key={region.code}>
                <button type="button" class="link-button" onClick={() => pick(region.code)}>
                  {region.name}
                  <span class="muted"> · {[...region.path].reverse().join(', ')}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="region-levels">
        {LEVELS.map((level, i) => {
          const options = levels[i] ?? [];
          if (i < top || (i > top && (!chosen[i - 1] || options.length === 0))) return null;
          return (
            <div class="field" key={level}>
              <label for={`${id}-${level}`}>{t(`region.level.${level}`)}</label>
              <select
                id={`${id}-${level}`}
                value={chosen[i] ?? ''}
                onChange={(event) => {
                  const code = (event.target as HTMLSelectElement).value;
                  onChange(code === '' ? (chosen[i - 1] ?? '') : code);
                }}
              >
                <option value="">{i === top ? emptyLabel : t('region.all')}</option>
                {options.map((region) => (
                  <option key={region.code} value={region.code}>
                    {region.name}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      {value !== '' && (
        <p class="muted small" id={`${id}-chosen`}>
          {t('region.chosen', {
            place: placeName(
              levels.flat().find((r) => r.code === value),
              value,
            ),
          })}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
