import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { AgencySelect } from '../../ui/agency-select';
import { TextField } from '../../ui/fields';
import { CommandForm } from './command-form';
import { ActionProps, ForwardForm, HideMessageForm, ResolveForm } from './shared-actions';

/** What a facilitator of the thread's region does at each step: verify or reject, route, forward, resolve. */
export function FacilitatorActions({ thread, done }: ActionProps) {
  const [reason, setReason] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const base = `/api/aspirations/${thread.id}`;
  return (
    <>
      {thread.status === 'submitted' && (
        <>
          <CommandForm
            id="verify"
            title={t('staffActions.verifyTitle')}
            hint={t('staffActions.verifyHint')}
            submitLabel={t('staffActions.verify')}
            path={`${base}/verify`}
            done={done}
          />
          <CommandForm
            id="reject"
            title={t('staffActions.rejectTitle')}
            submitLabel={t('staffActions.reject')}
            path={`${base}/reject`}
            body={() => ({ reason })}
            done={done}
            secondary
          >
            <TextField
              id="reject-reason"
              label={t('staffActions.reason')}
              hint={t('staffActions.rejectHint')}
              value={reason}
              onInput={setReason}
              required
              maxLength={1000}
            />
          </CommandForm>
        </>
      )}
      {thread.status === 'verified' && (
        <CommandForm
          id="assign"
          title={t('staffActions.assignTitle')}
          submitLabel={t('staffActions.assign')}
          path={`${base}/assign`}
          body={() => (agencyId ? { agencyId } : {})}
          done={done}
        >
          <AgencySelect
            id="assign-agency"
            label={t('staffActions.assignTo')}
            hint={t('staffActions.assignHint')}
            value={agencyId}
            onChange={setAgencyId}
            emptyLabel={t('staffActions.defaultAgency')}
            near={thread.regionCode}
          />
        </CommandForm>
      )}
      {thread.status === 'in_progress' && (
        <>
          <ForwardForm thread={thread} done={done} />
          <ResolveForm thread={thread} done={done} />
        </>
      )}
      {thread.overdue && (thread.status === 'submitted' || thread.status === 'in_progress') && (
        <CommandForm
          id="escalate"
          title={t('staffActions.escalateTitle')}
          hint={t(`staffActions.escalateHint.${thread.status}`)}
          submitLabel={t('staffActions.escalate')}
          path={`${base}/escalate`}
          body={() => ({ stage: thread.status === 'submitted' ? 'verification' : 'response' })}
          done={done}
          secondary
        />
      )}
      <HideMessageForm thread={thread} done={done} />
    </>
  );
}
