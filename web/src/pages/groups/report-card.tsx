import { useState } from 'preact/hooks';
import { GroupDetail, MonitoringReport, ReportPerson } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { formatDateTime } from '../../ui/format';
import { TextAreaField } from '../../ui/fields';
import { CommandForm } from '../staff/command-form';
import { RaiseReportForm } from './raise-report-form';
import { seen, useGroupRead } from './use-group-reads';

/** The anchor a thread's "monitoring report" link points at, on the group's page. */
export const reportAnchor = (reportId: string): string => `laporan-${reportId}`;

const personName = (person: ReportPerson): string =>
  person.you ? t('group.you') : (person.displayName ?? t('group.unnamedMember'));

interface Props {
  readonly group: GroupDetail['group'];
  readonly report: MonitoringReport;
  readonly position: string;
  readonly member: boolean;
  readonly done: (position: string | null) => void;
}

/** One report: its facts and links, and when opened its discussion and the step that turns it into an aspiration. */
export function ReportCard({ group, report, position, member, done }: Props) {
  const anchor = reportAnchor(report.id);
  const [open, setOpen] = useState(() => location.hash === `#${anchor}`);
  return (
    <li class="card monitoring-report" id={anchor}>
      <h3 class="card-title">{report.source}</h3>
      <p class="card-meta muted">
        <span>{t('group.report.monitoredOn', { day: report.monitoredOn })}</span>
        <span>{t('group.report.recordedBy', { name: personName(report.recordedBy) })}</span>
      </p>
      <p>{report.summary}</p>
      {report.photo && <p class="small">{t('group.report.photo', { photo: report.photo })}</p>}
      {report.aspirationId && (
        <p>
          <a href={paths.thread(report.aspirationId)} onClick={() => seen(position)}>
            {t('group.report.aspirationLink')}
          </a>
        </p>
      )}
      {!report.aspirationId && report.draftId && <p class="muted">{t('group.report.draftMade')}</p>}
      <button type="button" class="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('group.report.discussion', { count: report.commentCount })}
      </button>
      {open && (
        <ReportDiscussion group={group} report={report} position={position} member={member} done={done} />
      )}
    </li>
  );
}

function ReportDiscussion({ group, report, position, member, done }: Props) {
  const detail = useGroupRead<{ report: MonitoringReport }>(
    `/api/groups/${group.id}/reports/${report.id}`,
    position,
  );
  const [body, setBody] = useState('');
  const comments = detail?.report.comments ?? [];
  const active = group.status === 'active';
  return (
    <div class="report-discussion">
      <ul class="report-comments">
        {comments.map((comment) => (
          <li key={comment.commentId}>
            <p class="small muted">
              {comment.author.role === 'facilitator' ? t('group.facilitator') : personName(comment.author)} ·{' '}
              {formatDateTime(comment.at)}
            </p>
            <p>{comment.body}</p>
          </li>
        ))}
      </ul>
      {active && (
        <CommandForm
          id={`comment-${report.id}`}
          title={t('group.report.commentTitle')}
          submitLabel={t('group.report.comment')}
          path={`/api/groups/${group.id}/reports/${report.id}/comments`}
          body={() => ({ body })}
          onSent={() => setBody('')}
          done={(result) => done(result.position)}
        >
          <TextAreaField
            id={`comment-${report.id}-body`}
            label={t('group.report.commentLabel')}
            value={body}
            onInput={setBody}
            required
            maxLength={5000}
            rows={2}
          />
        </CommandForm>
      )}
      {active && member && !report.aspirationId && !report.draftId && (
        <RaiseReportForm group={group} report={report} done={done} />
      )}
    </div>
  );
}
