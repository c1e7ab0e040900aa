import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { lookUpRegions } from '../../api/reference';
import { AspirationHistory } from '../../api/staff-types';
import { Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { placeName, zoneOf } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { AsOfView } from './as-of-view';
import { firstBrokenLink } from './chain';
import { HistoryEntries } from './history-entries';
import '../../ui/staff.css';

/**
 * A thread's recorded history, straight from its event stream: every event with its position, actor and type, and
 * the hash link to the one before, and the thread as it was after any of them. Anyone may open it and sees what
 * their role may see; auditors see it all.
 */
export default function HistoryPage() {
  const { params } = useRoute();
  const me = useSession();
  const [history, setHistory] = useState<AspirationHistory | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const [region, setRegion] = useState<Region | undefined>();

  useEffect(() => {
    if (me.status === 'restoring') return;
    setProblem(undefined);
    api<AspirationHistory>(readPath(`/api/aspirations/${params.id}/history`))
      .then(setHistory)
      .catch((error) => setProblem(problemOf(error)));
  }, [params.id, me.status]);

  const submitted = history?.events[0]?.data as { title?: string | null; regionCode?: string } | undefined;
  useEffect(() => {
    const code = submitted?.regionCode;
    if (code)
      lookUpRegions([code])
        .then((found) => setRegion(found.get(code)))
        .catch(() => undefined);
  }, [submitted?.regionCode]);

  if (!history)
    return (
      <Page title={t('history.title')}>
        {problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('common.loading')}</p>}
      </Page>
    );
  const broken = firstBrokenLink(history.events);
  const zone = zoneOf(region, submitted?.regionCode ?? '');
  return (
    <Page title={t('history.title')} wide>
      <p class="lead">
        {submitted?.title ? `“${submitted.title}”` : t('thread.hiddenTitle')}
        {submitted?.regionCode && ` · ${placeName(region, submitted.regionCode)}`}
      </p>
      <p>
        <a href={paths.thread(history.aspirationId)}>{t('history.toThread')}</a>
      </p>
      <p class="hint">{t('history.lead')}</p>
      <p
        class={broken ? 'alert alert-error' : 'alert alert-success'}
        role="status"
        data-chain={broken ? 'broken' : 'intact'}
      >
        {broken
          ? t('history.chainBroken', { position: broken.position })
          : t('history.chainIntact', { count: history.events.length })}
      </p>
      <AsOfView aspirationId={history.aspirationId} events={history.events} zone={zone} />
      <h2>{t('history.eventsTitle')}</h2>
      <HistoryEntries events={history.events} zone={zone} />
      <p class="hint">{t('history.verifyHint')}</p>
    </Page>
  );
}
