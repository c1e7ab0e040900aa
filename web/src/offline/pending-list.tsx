import { useLocation } from 'preact-iso/router';
import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { formatDateTime, zoneOfRegion } from '../ui/format';
import { problemMessage } from '../ui/problem';
import { outbox } from './outbox';
import { OutboxEntry } from './outbox-entry';
import { useOnline, useOutbox } from './use-outbox';
import './offline.css';

const textOf = (entry: OutboxEntry): string =>
  String(entry.kind === 'submission' ? entry.body.title : entry.body.body);

function StateLine({ entry, online }: { entry: OutboxEntry; online: boolean }) {
  if (entry.state === 'refused')
    return (
      <>
        <p class="pending-state">
          {t('offline.refused')} {problemMessage({ status: 400, code: entry.problemCode ?? 'unknown' })}
        </p>
        <button type="button" class="button button-secondary" onClick={() => void outbox.discard(entry.key)}>
          {t('offline.discard')}
        </button>
      </>
    );
  if (entry.state === 'sign_in')
    return (
      <p class="pending-state">
        {t('offline.signInAgain')} <a href={paths.signIn}>{t('nav.signIn')}</a>
      </p>
    );
  return <p class="pending-state">{online ? t('offline.retrying') : t('offline.waiting')}</p>;
}

/** Entries still on the phone: what each is, when it was saved (in its region's zone) and what it waits for. */
export function PendingList({ entries, label }: { entries: readonly OutboxEntry[]; label: string }) {
  const online = useOnline();
  if (entries.length === 0) return null;
  return (
    <ul class="pending-list" aria-label={label}>
      {entries.map((entry) => (
        <li
          key={entry.key}
          class={`pending pending-${entry.state}`}
          data-outbox-entry={entry.key}
          data-outbox-state={entry.state}
        >
          <p class="pending-meta">
            <strong>{t(`offline.kind.${entry.kind}`)}</strong>{' '}
            {t('offline.savedAt', { time: formatDateTime(entry.savedAt, zoneOfRegion(entry.regionCode)) })}
          </p>
          <p class="pending-text">{textOf(entry)}</p>
          <StateLine entry={entry} online={online} />
        </li>
      ))}
    </ul>
  );
}

/** Whether the page at `path` lists this entry itself (the banner then leaves it out). */
const shownBy = (path: string, entry: OutboxEntry): boolean =>
  entry.kind === 'submission' ? path === paths.submit : path === paths.thread(entry.threadId ?? '');

/**
 * On every page while something waits on the phone: says so plainly, and lists what the page itself does not
 * (a reply to another thread, say), so nothing written is ever out of sight.
 */
export function OutboxBanner() {
  const { entries } = useOutbox();
  const online = useOnline();
  const { path } = useLocation();
  if (entries.length === 0) return null;
  const elsewhere = entries.filter((entry) => !shownBy(path, entry));
  const refused = entries.filter((entry) => entry.state === 'refused').length;
  return (
    <section class="outbox-banner" aria-label={t('offline.bannerLabel')} data-outbox-banner>
      <p role="status">
        {online
          ? t('offline.bannerOnline', { count: entries.length })
          : t('offline.banner', { count: entries.length })}
        {refused > 0 && ` ${t('offline.bannerRefused', { count: refused })}`}
      </p>
      {elsewhere.length > 0 && (
        <details>
          <summary>{t('offline.show')}</summary>
          <PendingList entries={elsewhere} label={t('offline.bannerLabel')} />
        </details>
      )}
    </section>
  );
}
