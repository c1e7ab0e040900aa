import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { loadAgencyNames } from '../../api/reference';
import { t } from '../../i18n/i18n';
import { LiveIndicator } from '../../live/live-indicator';
import { paths } from '../../paths';
import { AgencySelect } from '../../ui/agency-select';
import { ProblemAlert } from '../../ui/problem';
import { StaffGate } from '../../ui/staff-gate';
import { StaffThreadList } from '../../ui/staff-thread-list';
import { useLiveInbox } from './use-live-inbox';
import '../../ui/staff.css';

/**
 * An agency's inbox, the earliest deadline first, updated live. Officials see their own agency's; facilitators and
 * auditors pick one (the choice stays in the URL).
 */
export default function InboxPage() {
  const { query, route } = useLocation();
  return (
    <StaffGate
      title={t('inbox.title')}
      kinds={['official', 'facilitator', 'auditor']}
      path={paths.inbox}
      wide
    >
      {(role) => {
        if (role.kind === 'official') return <Inbox agencyId={role.agencyId} />;
        const chosen = query.instansi ?? '';
        return (
          <>
            <AgencySelect
              id="inbox-agency"
              label={t('inbox.pickAgency')}
              value={chosen}
              onChange={(agencyId) =>
                route(agencyId ? `${paths.inbox}?instansi=${encodeURIComponent(agencyId)}` : paths.inbox)
              }
              emptyLabel={t('submit.choose')}
            />
            {chosen && <Inbox agencyId={chosen} />}
          </>
        );
      }}
    </StaffGate>
  );
}

function Inbox({ agencyId }: { agencyId: string }) {
  const { items, more, status, problem, arrived, announcement } = useLiveInbox(agencyId);
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);
  return (
    <>
      <p class="lead">{t('inbox.lead', { agency: agencies.get(agencyId) ?? agencyId })}</p>
      <LiveIndicator status={status} />
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {items === undefined
          ? t('common.loading')
          : items.length === 0
            ? t('inbox.empty')
            : t('inbox.count', { count: items.length })}
        {announcement && ` ${t('inbox.arrived', { title: announcement })}`}
      </p>
      {items && <StaffThreadList items={items} agencies={agencies} fresh={arrived} />}
      {more && <p class="hint">{t('inbox.more')}</p>}
    </>
  );
}
