import { useState } from 'preact/hooks';
import { CommandResult, ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { AgencySelect } from '../../ui/agency-select';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { CommandForm } from './command-form';

export interface ActionProps {
  readonly thread: ThreadDetail;
  readonly done: (result: CommandResult) => void;
}

const base = (thread: ThreadDetail) => `/api/aspirations/${thread.id}`;

/** Forwarding to another agency, with the reason the thread shows: facilitators and the assigned officials. */
export function ForwardForm({ thread, done }: ActionProps) {
  const [toAgencyId, setToAgencyId] = useState('');
  const [reason, setReason] = useState('');
  return (
    <CommandForm
      id="forward"
      title={t('staffActions.forwardTitle')}
      submitLabel={t('staffActions.forward')}
      path={`${base(thread)}/forward`}
      body={() => ({ toAgencyId, reason })}
      done={done}
      onSent={() => setReason('')}
      secondary
    >
      <AgencySelect
        id="forward-agency"
        label={t('staffActions.forwardTo')}
        value={toAgencyId}
        onChange={setToAgencyId}
        emptyLabel={t('submit.choose')}
        exclude={thread.agencyId ? [thread.agencyId] : []}
        near={thread.regionCode}
        required
      />
      <TextField
        id="forward-reason"
        label={t('staffActions.reason')}
        hint={t('staffActions.forwardHint')}
        value={reason}
        onInput={setReason}
        required
        maxLength={1000}
      />
    </CommandForm>
  );
}

/** Marking the matter handled, with a summary the citizen reads before rating it. */
export function ResolveForm({ thread, done }: ActionProps) {
  const [summary, setSummary] = useState('');
  return (
    <CommandForm
      id="resolve"
      title={t('staffActions.resolveTitle')}
      submitLabel={t('staffActions.resolve')}
      path={`${base(thread)}/resolve`}
      body={() => ({ summary })}
      done={done}
      onSent={() => setSummary('')}
      secondary
    >
      <TextAreaField
        id="resolve-summary"
        label={t('staffActions.summary')}
        hint={t('staffActions.summaryHint')}
        value={summary}
        onInput={setSummary}
        required
        maxLength={5000}
        rows={3}
      />
    </CommandForm>
  );
}

/** Hiding one message from the public (the reason stays visible, the text stays in the record). */
export function HideMessageForm({ thread, done }: ActionProps) {
  const visible = thread.messages.filter((message) => !message.hidden);
  const [messageId, setMessageId] = useState('');
  const [reason, setReason] = useState('');
  if (visible.length === 0) return null;
  const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  return (
    <CommandForm
      id="hide"
      title={t('staffActions.hideTitle')}
      hint={t('staffActions.hideHint')}
      submitLabel={t('staffActions.hide')}
      path={`${base(thread)}/messages/${messageId}/hide`}
      body={() => ({ reason })}
      done={done}
      onSent={() => {
        setMessageId('');
        setReason('');
      }}
      secondary
    >
      <SelectField
        id="hide-message"
        label={t('staffActions.hideWhich')}
        value={messageId}
        onChange={setMessageId}
        required
        options={[
          { value: '', label: t('submit.choose') },
          ...visible.map((message) => ({
            value: message.messageId,
            label: t(`staffActions.messageKind.${message.kind}`, {
              text: excerpt(message.title || message.body),
            }),
          })),
        ]}
      />
      <TextField
        id="hide-reason"
        label={t('staffActions.reason')}
        value={reason}
        onInput={setReason}
        required
        maxLength={1000}
      />
    </CommandForm>
  );
}
