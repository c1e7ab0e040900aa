import { useState } from 'preact/hooks';
import { GroupDetail } from '../../api/group-types';
import { CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { TextAreaField } from '../../ui/fields';
import { ProblemAlert } from '../../ui/problem';
import { groupMessage } from './group-problem';
import { useCommand } from '../../ui/use-command';
import { CommandForm } from '../staff/command-form';

type Group = GroupDetail['group'];
type Done = (position: string | null) => void;

/** One button that sends one command, its problem shown beside it. */
export function CommandButton(props: {
  path: string;
  label: string;
  done: Done;
  method?: 'POST' | 'DELETE';
  secondary?: boolean;
  describedBy?: string;
}) {
  const { send, problem, busy } = useCommand();
  const click = async () => {
    const result = await send<CommandResult>(props.path, undefined, { method: props.method });
    if (result) props.done(result.position);
  };
  return (
    <>
      <ProblemAlert problem={problem} message={groupMessage(problem)} />
      <button
        type="button"
        class={props.secondary ? 'button button-secondary' : 'button'}
        disabled={busy}
        aria-describedby={props.describedBy}
        onClick={() => void click()}
      >
        {busy ? t('common.sending') : props.label}
      </button>
    </>
  );
}

/** A citizen joins (or asks to), withdraws the request, or leaves. */
export function MembershipActions({ group, done }: { group: Group; done: Done }) {
  const path = (verb: string) => `/api/groups/${group.id}/${verb}`;
  return (
    <section class="group-membership" aria-labelledby="membership-title">
      <h2 id="membership-title">{t('group.membershipTitle')}</h2>
      <p>{t(`group.membership.${group.membership}`)}</p>
      {group.membership === 'none' && (
        <CommandButton
          path={path('join')}
          label={group.joinPolicy === 'open' ? t('group.join') : t('group.askToJoin')}
          done={done}
        />
      )}
      {group.membership === 'requested' && (
        <CommandButton path={path('leave')} label={t('group.withdraw')} done={done} secondary />
      )}
      {(group.membership === 'member' || group.membership === 'coordinator') && (
        <CommandButton path={path('leave')} label={t('group.leave')} done={done} secondary />
      )}
    </section>
  );
}

/** The region's facilitator approves a proposal, or dissolves the group (a proposal dissolved is declined). */
export function FacilitatorGroupActions({ group, done }: { group: Group; done: Done }) {
  const [reason, setReason] = useState('');
  const after = (result: CommandResult) => done(result.position);
  return (
    <section class="staff-panel" aria-labelledby="group-facilitator-title">
      <h2 id="group-facilitator-title">{t('group.facilitatorTitle')}</h2>
      {group.status === 'proposed' && (
        <CommandForm
          id="approve-group"
          title={t('group.approveTitle')}
          submitLabel={t('group.approve')}
          path={`/api/groups/${group.id}/approve`}
          done={after}
        />
      )}
      <CommandForm
        id="dissolve-group"
        title={group.status === 'proposed' ? t('group.declineTitle') : t('group.dissolveTitle')}
        submitLabel={group.status === 'proposed' ? t('group.decline') : t('group.dissolve')}
        path={`/api/groups/${group.id}/dissolve`}
        body={() => ({ reason })}
        done={after}
        onSent={() => setReason('')}
        secondary
      >
        <TextAreaField
          id="dissolve-reason"
          label={t('group.reasonLabel')}
          value={reason}
          onInput={setReason}
          required
          maxLength={1000}
          rows={2}
        />
      </CommandForm>
    </section>
  );
}
