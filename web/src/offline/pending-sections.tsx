import { ThreadDetail } from '../api/types';
import { t } from '../i18n/i18n';
import { paths } from '../paths';
import { OutboxEntry } from './outbox-entry';
import { PendingList } from './pending-list';
import { useOutbox } from './use-outbox';

/** Sent from the phone but not yet in the thread as read: a reply arrives by push or by the next read. */
const alreadyIn = (thread: ThreadDetail | undefined, entry: OutboxEntry): boolean =>
  thread?.messages.some(
    (message) =>
      message.kind === 'reply' &&
      message.body === entry.body.body &&
      // The same words sent again later are another reply: only one written after this was saved is this one.
      Date.parse(message.at) >= Date.parse(entry.savedAt) - 10 * 60_000,
  ) ?? false;

/** A thread's replies still on the phone, below its messages (or alone, when the thread cannot be read offline). */
export function PendingReplies({ threadId, thread }: { threadId: string; thread?: ThreadDetail }) {
  const { entries } = useOutbox();
  const mine = entries.filter((e) => e.kind === 'reply' && e.threadId === threadId && !alreadyIn(thread, e));
  if (mine.length === 0) return null;
  return (
    <section class="pending-section" aria-labelledby="pending-replies-title">
      <h2 id="pending-replies-title">{t('offline.repliesTitle')}</h2>
      <PendingList entries={mine} label={t('offline.repliesTitle')} />
    </section>
  );
}

/** Submissions still on the phone, and those the outbox delivered during this visit (with a link to each). */
export function PendingSubmissions() {
  const { entries, delivered } = useOutbox();
  const waiting = entries.filter((e) => e.kind === 'submission');
  const sent = delivered.filter((d) => d.entry.kind === 'submission');
  if (waiting.length === 0 && sent.length === 0) return null;
  return (
    <section class="pending-section" aria-labelledby="pending-submissions-title">
      <h2 id="pending-submissions-title">{t('offline.submissionsTitle')}</h2>
      <PendingList entries={waiting} label={t('offline.submissionsTitle')} />
      <div role="status">
        {sent.length > 0 && (
          <ul class="delivered-list">
            {sent.map(({ entry, result }) => (
              <li key={entry.key} data-delivered={result.id}>
                {t('offline.delivered')} <a href={paths.thread(result.id)}>{String(entry.body.title)}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
