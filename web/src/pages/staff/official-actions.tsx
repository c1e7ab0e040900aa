import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { TextAreaField } from '../../ui/fields';
import { CommandForm } from './command-form';
import { ActionProps, ForwardForm, ResolveForm } from './shared-actions';

/** An official of the agency the thread is with: answer the citizen, pass it on, or mark it handled. */
export function OfficialActions({ thread, done, agencyId }: ActionProps & { agencyId: string }) {
  const [body, setBody] = useState('');
  if (thread.agencyId !== agencyId) return <p class="note">{t('staffActions.notYourAgency')}</p>;
  if (thread.status !== 'in_progress') return <p class="note">{t('staffActions.nothingToDo')}</p>;
  return (
    <>
      <CommandForm
        id="respond"
        title={t('staffActions.respondTitle')}
        submitLabel={t('staffActions.respond')}
        path={`/api/aspirations/${thread.id}/responses`}
        body={() => ({ body })}
        done={done}
        onSent={() => setBody('')}
      >
        <TextAreaField
          id="response-body"
          label={t('staffActions.response')}
          hint={t('staffActions.responseHint')}
          value={body}
          onInput={setBody}
          required
          maxLength={5000}
          rows={4}
        />
      </CommandForm>
      <ForwardForm thread={thread} done={done} />
      <ResolveForm thread={thread} done={done} />
    </>
  );
}
