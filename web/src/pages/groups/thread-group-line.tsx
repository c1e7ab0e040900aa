import { ThreadGroupFacts } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { reportAnchor } from './report-card';

/** On a thread: the group it speaks for, how many signed, and the monitoring report it came from. */
export function ThreadGroupLine({ thread }: { thread: object }) {
  const { groupId, groupName, groupSignatures, monitoringReportId } = thread as Partial<ThreadGroupFacts>;
  if (!groupId) return null;
  const group = paths.group(groupId);
  return (
    <div class="note thread-group">
      <p>
        {t('group.speaksFor')} <a href={group}>{groupName ?? t('group.aGroup')}</a>
        {groupSignatures ? ` · ${t('group.signatures', { count: groupSignatures })}` : ''}
      </p>
      {monitoringReportId && (
        <p>
          <a href={`${group}#${reportAnchor(monitoringReportId)}`}>{t('group.report.fromReport')}</a>
        </p>
      )}
    </div>
  );
}
