import { ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { StaffRole } from '../../session/roles';
import { FacilitatorActions } from './facilitator-actions';
import { OfficialActions } from './official-actions';
import { ActionProps } from './shared-actions';
import '../../ui/staff.css';

type WithVillager = ThreadDetail & { readonly onBehalfOf?: { name: string | null; contact?: string | null } };

/** The staff's part of a thread page: who it was written for, their role's actions, and the recorded history. */
export default function StaffPanel({ thread, done, role }: ActionProps & { role: StaffRole }) {
  const villager = (thread as WithVillager).onBehalfOf;
  return (
    <section class="actions staff-actions" aria-labelledby="staff-actions-title">
      <h2 id="staff-actions-title">{t(`staffActions.title.${role.kind}`)}</h2>
      {villager?.name && (
        <p class="note">
          {t('staffActions.onBehalfOf', { name: villager.name })}
          {villager.contact && ` · ${villager.contact}`}
        </p>
      )}
      {role.kind === 'facilitator' && <FacilitatorActions thread={thread} done={done} />}
      {role.kind === 'official' && <OfficialActions thread={thread} done={done} agencyId={role.agencyId} />}
      <p>
        <a href={paths.history(thread.id)}>{t('staffActions.history')}</a>
      </p>
      {role.kind === 'facilitator' && (
        <p>
          <a href={paths.queue}>{t('staffActions.backToQueue')}</a>
        </p>
      )}
      {role.kind === 'official' && (
        <p>
          <a href={paths.inbox}>{t('staffActions.backToInbox')}</a>
        </p>
      )}
    </section>
  );
}
