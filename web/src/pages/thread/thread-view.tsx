import { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadAgencyNames, lookUpRegions } from '../../api/reference';
import { Region, ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { categoryLabel, formatDateTime, placeName, zoneOf } from '../../ui/format';
import { StatusBadge } from '../../ui/status-badge';
import { ThreadMessages, ThreadTimeline } from './thread-messages';

interface Props {
  readonly thread: ThreadDetail;
  /** The reader's account id: their own messages say "Anda". */
  readonly me?: string;
  /** Under the facts, above the messages. */
  readonly notes?: ComponentChildren;
  /** Under the messages, above the timeline: what the reader can do. */
  readonly children?: ComponentChildren;
  /** Inside another section (the as-of view): its headings one level down. */
  readonly nested?: boolean;
}

/**
 * A thread as it reads: its facts, messages and timeline, times in its region's zone. The live thread page shows it,
 * and so does a thread's history as of a past step, so both read the same.
 */
export function ThreadView({ thread, me, notes, children, nested }: Props) {
  const [region, setRegion] = useState<Region | undefined>();
  const [agencies, setAgencies] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    loadAgencyNames()
      .then(setAgencies)
      .catch(() => undefined);
  }, []);
  useEffect(() => {
    lookUpRegions([thread.regionCode])
      .then((found) => setRegion(found.get(thread.regionCode)))
      .catch(() => undefined);
  }, [thread.regionCode]);
  const zone = zoneOf(region, thread.regionCode);
  const Heading = nested ? 'h3' : 'h2';
  return (
    <>
      <dl class="facts">
        <div>
          <dt>{t('thread.status')}</dt>
          <dd>
            <StatusBadge status={thread.status} />
            {thread.overdue && <span class="badge badge-overdue">{t('thread.overdue')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('thread.category')}</dt>
          <dd>{categoryLabel(thread.category)}</dd>
        </div>
        <div>
          <dt>{t('thread.place')}</dt>
          <dd>{placeName(region, thread.regionCode)}</dd>
        </div>
        <div>
          <dt>{t('thread.submittedAt')}</dt>
          <dd>{formatDateTime(thread.submittedAt, zone)}</dd>
        </div>
        {thread.dueAt && (
          <div>
            <dt>{t('thread.dueAt')}</dt>
            <dd>{formatDateTime(thread.dueAt, zone)}</dd>
          </div>
        )}
        <div>
          <dt>{t('thread.endorsements')}</dt>
          <dd>{thread.endorsements}</dd>
        </div>
        {thread.rating !== null && (
          <div>
            <dt>{t('thread.rating')}</dt>
            <dd>{t(`rating.${thread.rating}`)}</dd>
          </div>
        )}
      </dl>
      {notes}
      <Heading>{t('thread.messages')}</Heading>
      <ThreadMessages thread={thread} me={me} zone={zone} agencies={agencies} />
      {children}
      <Heading>{t('thread.timeline')}</Heading>
      <ThreadTimeline thread={thread} zone={zone} agencies={agencies} />
    </>
  );
}
