import { useLocation } from 'preact-iso/router';
import { withQuery } from '../../api/query';
import { ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/page';
import { MoreButton } from '../../ui/more-button';
import { ProblemAlert } from '../../ui/problem';
import { ThreadList } from '../../ui/thread-list';
import { usePagedList } from '../../ui/use-paged-list';
import { FeedFilters, FeedFiltersForm, FILTER_NAMES, filtersOf, listQuery } from './feed-filters';

/** Verified public aspirations, searchable and filtered; the filters live in the URL so a view can be shared. */
export default function FeedPage() {
  const { query, route } = useLocation();
  const filters = filtersOf(query);
  const key = listQuery(filters).toString();
  const list = usePagedList<ThreadSummary>(withQuery('/api/aspirations', key));
  const items = list.items ?? [];

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
      <ProblemAlert problem={list.problem} />
      <p class="muted" role="status" aria-live="polite">
        {list.loading
          ? t('common.loading')
          : items.length === 0
            ? t('feed.empty')
            : t('feed.count', { count: items.length })}
      </p>
      <ThreadList items={items} />
      <MoreButton more={list.more} busy={list.loading} />
    </Page>
  );
}
