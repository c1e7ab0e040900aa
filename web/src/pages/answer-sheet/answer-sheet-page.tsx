import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { loadAgencyNames, lookUpRegions } from '../../api/reference';
import { AspirationDetail, Region } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { categoryLabel, formatDateTime, placeName, zoneOf } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { StatusBadge } from '../../ui/status-badge';
import { ThreadMessages } from '../thread/thread-messages';
import './answer-sheet.css';

/**
 * A thread on one printable sheet, for a facilitator to read out or hand over in the village: what the villager
 * raised, every answer, and room to write down their reply and sign. The browser prints it (or saves it as PDF).
 */
export default function AnswerSheetPage() {
  const { params } = useRoute();
  const me = useSession();
  const [detail, setDetail] = useState<AspirationDetail | undefined>();
  const [region, setRegion] = useState<Region | undefined>();
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  const [problem, setProblem] = useState<Problem | undefined>();
  const actor = me.status === 'signed_in' ? me.actorId : undefined;

  useEffect(() => {
    if (me.status === 'restoring') return;
    api<AspirationDetail>(readPath(`/api/aspirations/${params.id}`))
      .then(async (found) => {
        const code = found.aspiration.regionCode;
        const [names, regions] = await Promise.all([
          loadAgencyNames().catch(() => new Map<string, string>()),
          lookUpRegions([code]).catch(() => new Map<string, Region>()),
        ]);
        setAgencies(names);
        setRegion(regions.get(code));
        setDetail(found);
      })
      .catch((error) => setProblem(problemOf(error)));
  }, [params.id, actor, me.status]);

  if (problem)
    return (
      <Page title={t('sheet.title')}>
        <ProblemAlert problem={problem} />
      </Page>
    );
  if (!detail)
    return (
      <Page title={t('sheet.title')}>
        <p role="status">{t('common.loading')}</p>
      </Page>
    );
  const thread = detail.aspiration;
  const zone = zoneOf(region, thread.regionCode);
  const answered = thread.messages.some((message) => message.kind === 'response');
  return (
    <Page title={t('sheet.title')} wide>
      <div class="answer-sheet">
        <p class="no-print">
          <button class="button" type="button" onClick={() => window.print()}>
            {t('sheet.print')}
          </button>{' '}
          <a href={paths.thread(thread.id)}>{t('sheet.back')}</a>
        </p>
        <p class="muted">{t('sheet.lead')}</p>
        <h2>{thread.title}</h2>
        <dl class="facts">
          {thread.onBehalfOf && (
            <div>
              <dt>{t('sheet.villager')}</dt>
              <dd>{thread.onBehalfOf.name}</dd>
            </div>
          )}
          {thread.onBehalfOf?.contact && (
            <div>
              <dt>{t('sheet.contact')}</dt>
              <dd>{thread.onBehalfOf.contact}</dd>
            </div>
          )}
          <div>
            <dt>{t('thread.place')}</dt>
            <dd>{placeName(region, thread.regionCode)}</dd>
          </div>
          <div>
            <dt>{t('thread.category')}</dt>
            <dd>{categoryLabel(thread.category)}</dd>
          </div>
          <div>
            <dt>{t('thread.status')}</dt>
            <dd>
              <StatusBadge status={thread.status} />
            </dd>
          </div>
          <div>
            <dt>{t('sheet.reference')}</dt>
            <dd class="reference">{thread.id}</dd>
          </div>
          <div>
            <dt>{t('sheet.printedAt')}</dt>
            <dd>{formatDateTime(new Date().toISOString(), zone)}</dd>
          </div>
        </dl>
        <h2>{t('sheet.dialogue')}</h2>
        <ThreadMessages thread={thread} zone={zone} agencies={agencies} />
        {!answered && <p class="note">{t('sheet.noResponse')}</p>}
        <section class="sheet-reply" aria-label={t('sheet.replyTitle')}>
          <h2>{t('sheet.replyTitle')}</h2>
          <div class="write-here" />
          <div class="signatures">
            <p>{t('sheet.signVillager')}</p>
            <p>{t('sheet.signFacilitator')}</p>
          </div>
        </section>
      </div>
    </Page>
  );
}
