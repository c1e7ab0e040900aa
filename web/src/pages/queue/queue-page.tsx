import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { loadAgencyNames } from '../../api/reference';
import { ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { MoreButton } from '../../ui/more-button';
import { ProblemAlert } from '../../ui/problem';
import { StaffGate } from '../../ui/staff-gate';
import { StaffThreadList } from '../../ui/staff-thread-list';
import { usePagedList } from '../../ui/use-paged-list';
import '../../ui/staff.css';

/** The queue's stages: what waits on the facilitator, each with the list query that finds it. */
const STAGES = {
  verifikasi: { status: 'submitted', sort: 'due' },
  rute: { status: 'verified', sort: 'oldest' },
  terlambat: { sort: 'overdue' },
} as const;
type Stage = keyof typeof STAGES;
const stageOf = (value: string | undefined): Stage =>
  value !== undefined && value in STAGES ? (value as Stage) : 'verifikasi';

/** A facilitator's verification and moderation queue: their region's aspirations, the oldest deadline first. */
export default function QueuePage() {
  return (
    <StaffGate title={t('queue.title')} kinds={['facilitator']} path={paths.queue} wide>
      {(role) => <Queue regionCode={role.kind === 'facilitator' ? role.regionCode : undefined} />}
    </StaffGate>
  );
}

function Queue({ regionCode }: { regionCode?: string }) {
  const { query } = useLocation();
  const stage = stageOf(query.tahap);
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  const params = new URLSearchParams({ ...STAGES[stage], limit: '50' });
  if (regionCode) params.set('region', regionCode);
  const list = usePagedList<ThreadSummary>(`/api/aspirations?${params}`);
  const { items, problem } = list;

  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);

  return (
    <>
      <p class="lead">
        {regionCode ? t('queue.leadRegion', { region: regionCode }) : t('queue.leadEverywhere')}
      </p>
      <nav aria-label={t('queue.stages')} class="tabs">
        <ul>
          {(Object.keys(STAGES) as Stage[]).map((name) => (
            <li key={name}>
              <a href={`${paths.queue}?tahap=${name}`} aria-current={name === stage ? 'page' : undefined}>
                {t(`queue.stage.${name}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <p class="hint">{t(`queue.hint.${stage}`)}</p>
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {items === undefined
          ? t('common.loading')
          : items.length === 0
            ? t('queue.empty')
            : t('queue.count', { count: items.length })}
      </p>
      {items && <StaffThreadList items={items} agencies={agencies} />}
      <p class="button-row">
        <MoreButton more={list.more} busy={list.loading} />
        <button type="button" class="button button-secondary" onClick={list.reload}>
          {t('staff.reload')}
        </button>
      </p>
    </>
  );
}
