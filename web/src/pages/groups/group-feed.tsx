import { FeedItem } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { ThreadList } from '../../ui/thread-list';
import { reportAnchor } from './report-card';
import { MoreButton } from '../../ui/more-button';
import { useGroupPages } from './use-group-pages';

/** The group's aspirations for everyone, and its monitoring reports for its insiders, newest first. */
export function GroupFeed({ groupId, position }: { groupId: string; position: string }) {
  const feed = useGroupPages<FeedItem>(`/api/groups/${groupId}/feed`, position);
  const aspirations = feed?.items.flatMap((item) => (item.aspiration ? [item.aspiration] : [])) ?? [];
  const reports = feed?.items.flatMap((item) => (item.report ? [item.report] : [])) ?? [];
  return (
    <section aria-labelledby="feed-title" class="group-feed">
      <h2 id="feed-title">{t('group.feedTitle')}</h2>
      {feed && feed.items.length === 0 && <p class="muted">{t('group.feedEmpty')}</p>}
      {aspirations.length > 0 && <ThreadList items={aspirations} />}
      {reports.length > 0 && (
        <ul>
          {reports.map((report) => (
            <li key={report.id}>
              <a href={`${paths.group(groupId)}#${reportAnchor(report.id)}`}>
                {t('group.feedReport', { source: report.source, day: report.monitoredOn })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <MoreButton more={feed?.more} />
    </section>
  );
}
