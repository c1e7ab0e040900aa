import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, readPath } from '../../api/http';
import { ThreadPage, ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { ThreadList } from '../../ui/thread-list';
import { Problem } from '../../api/http';
import { FeedFilters, FeedFiltersForm, FILTER_NAMES, filtersOf, listQuery } from './feed-filters';

/** Verified public aspirations, searchable and filtered; the filters live in the URL so a view can be shared. */
export default function FeedPage() {
  const { query, route } = useLocation();
  const filters = filtersOf(query);
  const key = listQuery(filters).toString();
  const [items, setItems] = useState<ThreadSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = async (cursor: string | null) => {
    setLoading(true);
    setProblem(undefined);
    try {
      const params = listQuery(filters);
      if (cursor) params.set('cursor', cursor);
      const page = await api<ThreadPage>(readPath(`/api/aspirations?${params}`));
      setItems((before) => (cursor ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => void load(null), [key]);

  const apply = (chosen: FeedFilters) => {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) if (chosen[name].trim() !== '') params.set(name, chosen[name].trim());
    const search = params.toString();
    route(search ? `/?${search}` : '/');
  };

  return (
    <Page title={t('feed.title')} wide>
      <p class="lead">{t('feed.lead')}</p>
      <details class="filters-box" open={key !== ''}>
        <summary>{t('filter.label')}</summary>
        <FeedFiltersForm initial={filters} onApply={apply} />
      </details>
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {loading
          ? t('common.loading')
          : items.length === 0
            ? t('feed.empty')
            : t('feed.count', { count: items.length })}
      </p>
      <ThreadList items={items} />
      {next && (
        <button
          type="button"
          class="button button-secondary"
          disabled={loading}
          onClick={() => void load(next)}
        >
          {t('common.more')}
        </button>
      )}
    </Page>
  );
}
