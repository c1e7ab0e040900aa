import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { GroupDetail, MonitoringReport } from '../../api/group-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { groupMessage } from './group-problem';
import { useCommand } from '../../ui/use-command';
import { AspirationFields, aspirationBody, emptyAspiration } from './aspiration-fields';

interface RaiseResult {
  readonly position: string | null;
  readonly aspirationId: string | null;
}

/** One step from a report to an aspiration submitted for the group, or to a group draft to co-sign. */
export function RaiseReportForm(props: {
  group: GroupDetail['group'];
  report: MonitoringReport;
  done: (position: string | null) => void;
}) {
  const { group, report, done } = props;
  const { route } = useLocation();
  const { send, problem, busy } = useCommand();
  const [value, setValue] = useState(() => ({ ...emptyAspiration(), body: report.summary }));
  const [asGroupDraft, setAsGroupDraft] = useState(false);
  const prefix = `raise-${report.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...aspirationBody(value), anonymous: false, asGroupDraft };
    const result = await send<RaiseResult>(`/api/groups/${group.id}/reports/${report.id}/aspiration`, body);
    if (!result) return;
    if (result.aspirationId) return route(paths.thread(result.aspirationId));
    done(result.position);
  };
  return (
    <form class="command-form" aria-labelledby={`${prefix}-heading`} onSubmit={(event) => void submit(event)}>
      <h4 id={`${prefix}-heading`}>{t('group.report.raiseTitle')}</h4>
      <ProblemAlert problem={problem} message={groupMessage(problem)} />
      <AspirationFields
        prefix={prefix}
        value={value}
        onChange={setValue}
        within={group.regionCode}
        errors={fieldErrors(problem)}
      />
      <div class="check">
        <input
          id={`${prefix}-draft`}
          type="checkbox"
          checked={asGroupDraft}
          onChange={(e) => setAsGroupDraft((e.target as HTMLInputElement).checked)}
        />
        <label for={`${prefix}-draft`}>{t('group.report.asGroupDraft')}</label>
      </div>
      <button class="button" type="submit" disabled={busy}>
        {busy ? t('common.sending') : asGroupDraft ? t('group.report.raiseDraft') : t('group.report.raise')}
      </button>
    </form>
  );
}
