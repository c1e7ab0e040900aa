import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { loadAgencyNames } from '../../api/reference';
import { THREAD_STATUSES, ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { SelectField } from '../../ui/fields';
import { statusLabel } from '../../ui/format';
import { MoreButton } from '../../ui/more-button';
import { ProblemAlert } from '../../ui/problem';
import { StaffGate } from '../../ui/staff-gate';
import { StaffThreadList } from '../../ui/staff-thread-list';
import { usePagedList } from '../../ui/use-paged-list';
import '../../ui/staff.css';

/** An auditor's way in: every aspiration, whatever its status or visibility, each with its recorded history. */
export default function AuditPage() {
  return (
    <StaffGate title={t('audit.title')} kinds={['auditor']} path={paths.audit} wide>
      {() => <AuditList />}
    </StaffGate>
  );
}

function AuditList() {
  const { query, route } = useLocation();
  const status = query.status ?? '';
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  const params = new URLSearchParams({ sort: 'newest', limit: '50' });
  if (status) params.set('status', status);
  const list = usePagedList<ThreadSummary>(`/api/aspirations?${params}`);
  const { items, problem } = list;

  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);

  return (
    <>
      <p class="lead">{t('audit.lead')}</p>
      <SelectField
        id="audit-status"
        label={t('filter.status')}
        value={status}
        onChange={(value) => route(value ? `${paths.audit}?status=${value}` : paths.audit)}
        options={[
          { value: '', label: t('filter.all') },
          ...THREAD_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
        ]}
      />
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {items === undefined
          ? t('common.loading')
          : items.length === 0
            ? t('feed.empty')
            : t('feed.count', { count: items.length })}
      </p>
      {items && <StaffThreadList items={items} agencies={agencies} withHistory />}
      <MoreButton more={list.more} busy={list.loading} />
    </>
  );
}
