import { GroupDetail, MonitoringReport } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { ReportCard } from './report-card';
import { ReportForm } from './report-form';
import { MoreButton } from '../../ui/more-button';
import { useGroupPages } from './use-group-pages';

interface Props {
  readonly group: GroupDetail['group'];
  readonly position: string;
  readonly member: boolean;
  readonly done: (position: string | null) => void;
}

/** What the group's members monitored, discussed by members and the facilitator. */
export function GroupReports({ group, position, member, done }: Props) {
  const reports = useGroupPages<MonitoringReport>(`/api/groups/${group.id}/reports`, position);
  return (
    <section aria-labelledby="reports-title" class="group-reports">
      <h2 id="reports-title">{t('group.report.title')}</h2>
      {reports && reports.items.length === 0 && <p class="muted">{t('group.report.none')}</p>}
      <ul class="thread-list">
        {reports?.items.map((report) => (
          <ReportCard
            key={report.id}
            group={group}
            report={report}
            position={position}
            member={member}
            done={done}
          />
        ))}
      </ul>
      <MoreButton more={reports?.more} />
      {member && <ReportForm groupId={group.id} done={done} />}
    </section>
  );
}
