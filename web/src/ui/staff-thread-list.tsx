import { useEffect, useState } from 'preact/hooks';
import { lookUpRegions } from '../api/reference';
import { Region, ThreadSummary } from '../api/types';
import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { categoryLabel, formatDateTime, placeName } from './format';
import { StatusBadge } from './status-badge';

interface Props {
  readonly items: readonly ThreadSummary[];
  /** Agency id → name, for the agency an item is with. */
  readonly agencies?: ReadonlyMap<string, string>;
  /** Also link each item's recorded history (auditors). */
  readonly withHistory?: boolean;
  /** Items to mark as just arrived (live). */
  readonly fresh?: ReadonlySet<string>;
}

/** Aspirations as staff work through them: the deadline first, in the region's own time zone. */
export function StaffThreadList({ items, agencies, withHistory, fresh }: Props) {
  const [regions, setRegions] = useState<Map<string, Region>>(new Map());
  useEffect(() => {
    lookUpRegions(items.map((item) => item.regionCode))
      .then(setRegions)
      .catch(() => undefined);
  }, [items]);
  return (
    <ul class="thread-list staff-list">
      {items.map((item) => {
        const region = regions.get(item.regionCode);
        return (
          <li key={item.id} class={fresh?.has(item.id) ? 'card card-fresh' : 'card'} data-thread-id={item.id}>
            <h2 class="card-title">
              <a href={paths.thread(item.id)}>{item.title || t('thread.hiddenTitle')}</a>
            </h2>
            <p class="card-meta">
              <StatusBadge status={item.status} />
              {item.overdue && <span class="badge badge-overdue">{t('thread.overdue')}</span>}
              {fresh?.has(item.id) && <span class="badge badge-fresh">{t('staffList.new')}</span>}
              <span>{categoryLabel(item.category)}</span>
            </p>
            <p class="card-meta">
              <strong>
                {item.dueAt
                  ? t('staffList.due', { date: formatDateTime(item.dueAt, region?.timeZone) })
                  : t('staffList.nothingDue')}
              </strong>
            </p>
            <p class="card-meta muted">
              <span>{placeName(region, item.regionCode)}</span>
              <span>
                {t('staffList.submitted', { date: formatDateTime(item.submittedAt, region?.timeZone) })}
              </span>
              {item.agencyId && <span>{agencies?.get(item.agencyId) ?? item.agencyId}</span>}
              <span>{t('thread.messageCount', { count: item.messageCount })}</span>
            </p>
            {withHistory && (
              <p class="card-meta">
                <a href={paths.history(item.id)}>{t('staffList.history')}</a>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
