import { useEffect, useState } from 'preact/hooks';
import { lookUpRegions } from '../../api/reference';
import { GroupSummary } from '../../api/group-types';
import { Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { placeName } from '../../ui/format';

/** Groups as cards: name, place, status and member count, which are public. */
export function GroupList({ items }: { items: readonly GroupSummary[] }) {
  const [regions, setRegions] = useState<Map<string, Region>>(new Map());
  useEffect(() => {
    lookUpRegions(items.map((item) => item.regionCode))
      .then(setRegions)
      .catch(() => undefined);
  }, [items]);
  if (items.length === 0) return <p class="muted">{t('group.none')}</p>;
  return (
    <ul class="thread-list group-list">
      {items.map((group) => (
        <li key={group.id} class="card">
          <h3 class="card-title">
            <a href={paths.group(group.id)}>{group.name}</a>
          </h3>
          <p class="card-meta">
            <span class="badge">{t(`group.status.${group.status}`)}</span>
            <span>{placeName(regions.get(group.regionCode), group.regionCode)}</span>
            <span>{t('group.memberCount', { count: group.memberCount })}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
