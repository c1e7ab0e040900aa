import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { describedBy, FieldFrame, TextAreaField, TextField } from '../../ui/fields';
import { fieldErrors, ProblemAlert } from '../../ui/problem';
import { groupMessage } from './group-problem';
import { useCommand } from '../../ui/use-command';

/** Today in Indonesia's western zone, as the date input wants it: the server refuses a later day. */
const today = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** A member records what they monitored: where it came from, what it said, the day, and a photo reference. */
export function ReportForm({ groupId, done }: { groupId: string; done: (position: string | null) => void }) {
  const { send, problem, busy } = useCommand();
  const [source, setSource] = useState('');
  const [summary, setSummary] = useState('');
  const [monitoredOn, setMonitoredOn] = useState(today);
  const [photo, setPhoto] = useState('');
  const errors = fieldErrors(problem);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { source, summary, monitoredOn, ...(photo.trim() === '' ? {} : { photo: photo.trim() }) };
    const result = await send<{ position: string | null }>(`/api/groups/${groupId}/reports`, body);
    if (!result) return;
    setSource('');
    setSummary('');
    setPhoto('');
    done(result.position);
  };
  const day = { id: 'report-day', label: t('group.report.dayLabel'), error: errors.monitoredOn };
  return (
    <form class="command-form" aria-labelledby="report-form-title" onSubmit={(event) => void submit(event)}>
      <h3 id="report-form-title">{t('group.report.formTitle')}</h3>
      <ProblemAlert problem={problem} message={groupMessage(problem)} />
      <TextField
        id="report-source"
        label={t('group.report.sourceLabel')}
        hint={t('group.report.sourceHint')}
        value={source}
        onInput={setSource}
        required
        minLength={2}
        maxLength={200}
        error={errors.source}
      />
      <TextAreaField
        id="report-summary"
        label={t('group.report.summaryLabel')}
        value={summary}
        onInput={setSummary}
        required
        minLength={10}
        maxLength={5000}
        rows={4}
        error={errors.summary}
      />
      <FieldFrame {...day}>
        <input
          id={day.id}
          type="date"
          required
          max={today()}
          value={monitoredOn}
          aria-describedby={describedBy(day)}
          onInput={(event) => setMonitoredOn((event.target as HTMLInputElement).value)}
        />
      </FieldFrame>
      <TextField
        id="report-photo"
        label={t('group.report.photoLabel')}
        hint={t('group.report.photoHint')}
        value={photo}
        onInput={setPhoto}
        maxLength={500}
        error={errors.photo}
      />
      <button class="button" type="submit" disabled={busy}>
        {busy ? t('common.sending') : t('group.report.record')}
      </button>
    </form>
  );
}
