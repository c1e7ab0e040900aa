import { useEffect, useState } from 'preact/hooks';
import { loadAgencies, loadCategories } from '../../api/reference';
import { Agency, Category, THREAD_SORTS, THREAD_STATUSES } from '../../api/types';
import { t } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/fields';
import { categoryLabel, statusLabel } from '../../ui/format';
import { RegionPicker } from '../../ui/region-picker';

/** The feed's filters as they appear in its URL (?q=&kategori=&wilayah=&status=&instansi=&urutan=). */
export interface FeedFilters {
  readonly q: string;
  readonly kategori: string;
  readonly wilayah: string;
  readonly status: string;
  readonly instansi: string;
  readonly urutan: string;
}

export const FILTER_NAMES = ['q', 'kategori', 'wilayah', 'status', 'instansi', 'urutan'] as const;

export const filtersOf = (query: Record<string, string>): FeedFilters =>
  Object.fromEntries(FILTER_NAMES.map((name) => [name, query[name] ?? ''])) as unknown as FeedFilters;

/** The API's list query for these filters. */
export function listQuery(filters: FeedFilters): URLSearchParams {
  const query = new URLSearchParams();
  const set = (name: string, value: string) => value.trim() !== '' && query.set(name, value.trim());
  set('q', filters.q);
  set('category', filters.kategori);
  set('region', filters.wilayah);
  set('status', filters.status);
  set('agencyId', filters.instansi);
  set('sort', filters.urutan);
  return query;
}

export function FeedFiltersForm({
  initial,
  onApply,
}: {
  initial: FeedFilters;
  onApply: (f: FeedFilters) => void;
}) {
  const [filters, setFilters] = useState(initial);
  const [categories, setCategories] = useState<Category[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const change = (name: keyof FeedFilters) => (value: string) => setFilters((f) => ({ ...f, [name]: value }));

  useEffect(() => setFilters(initial), [JSON.stringify(initial)]);
  useEffect(() => {
    loadCategories()
      .then(setCategories)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    loadAgencies(filters.wilayah || undefined)
      .then(setAgencies)
      .catch(() => undefined);
  }, [filters.wilayah]);

  const all = { value: '', label: t('filter.all') };
  return (
    <form
      class="filters"
      role="search"
      aria-label={t('filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filters);
      }}
    >
      <TextField
        id="filter-q"
        label={t('filter.q')}
        type="search"
        inputMode="search"
        value={filters.q}
        onInput={change('q')}
        maxLength={200}
      />
      <div class="filter-grid">
        <SelectField
          id="filter-category"
          label={t('filter.category')}
          value={filters.kategori}
          onChange={change('kategori')}
          options={[all, ...categories.map((c) => ({ value: c.code, label: categoryLabel(c.code, c.name) }))]}
        />
        <SelectField
          id="filter-status"
          label={t('filter.status')}
          value={filters.status}
          onChange={change('status')}
          options={[all, ...THREAD_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
        />
        <SelectField
          id="filter-agency"
          label={t('filter.agency')}
          value={filters.instansi}
          onChange={change('instansi')}
          options={[all, ...agencies.map((a) => ({ value: a.agencyId, label: a.name }))]}
        />
        <SelectField
          id="filter-sort"
          label={t('filter.sort')}
          value={filters.urutan || 'newest'}
          onChange={change('urutan')}
          options={THREAD_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        />
      </div>
      <RegionPicker
        id="filter-region"
        legend={t('filter.region')}
        value={filters.wilayah}
        onChange={change('wilayah')}
        emptyLabel={t('region.allProvinces')}
      />
      <button type="submit" class="button">
        {t('filter.apply')}
      </button>
    </form>
  );
}
