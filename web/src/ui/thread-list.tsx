import { useEffect, useState } from 'preact/hooks';
import { lookUpRegions } from '../api/reference';
import { Region, ThreadSummary } from '../api/types';
import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { categoryLabel, formatDate, placeName, zoneOf } from './format';
import { StatusBadge } from './status-badge';

/** Aspirations as a list of cards: title, status, place, date and how many support it. */
export function ThreadList({ items }: { items: readonly ThreadSummary[] }) {
  const [regions, setRegions] = useState<Map<string, Region>>(new Map());
  useEffect(() => {
    lookUpRegions(items.map((item) => item.regionCode))
      .then(setRegions)
      .catch(() => undefined);
  }, [items]);
  return (
    <ul class="thread-list">
      {items.map((item) => {
        const region = regions.get(item.regionCode);
        return (
          <li key={item.id} class="card">
            <h2 class="card-title">
              <a href={paths.thread(item.id)}>{item.title || t('thread.hiddenTitle')}</a>
            </h2>
            <p class="card-meta">
              <StatusBadge status={item.status} />
              {item.overdue && <span class="badge badge-overdue">{t('thread.overdue')}</span>}
              <span>{categoryLabel(item.category)}</span>
            </p>
            <p class="card-meta muted">
              <span>{placeName(region, item.regionCode)}</span>
              <span>{formatDate(item.submittedAt, zoneOf(region, item.regionCode))}</span>
              <span>{t('thread.endorsementCount', { count: item.endorsements })}</span>
              <span>{t('thread.messageCount', { count: item.messageCount })}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}
