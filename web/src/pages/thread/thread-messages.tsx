import { TimeZoneName, ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';

/** Agency id → name. */
type Agencies = ReadonlyMap<string, string>;

/** Who wrote a message, as much as the reader may know: an agency by name of office, a citizen by role. */
function author(
  message: ThreadDetail['messages'][number],
  thread: ThreadDetail,
  me: string | undefined,
  agencies: Agencies,
): string {
  if (message.kind === 'response')
    return t('message.fromAgency', {
      agency: agencies.get(message.agencyId ?? '') ?? message.agencyId ?? '',
    });
  if (message.relayedForVillager) return t('message.relayedForVillager');
  if (message.actor.id !== null && message.actor.id === me) return t('message.fromYou');
  if (thread.anonymous) return t('message.fromAnonymous');
  return message.actor.role === 'facilitator' ? t('message.fromFacilitator') : t('message.fromCitizen');
}

export function ThreadMessages({
  thread,
  me,
  zone,
  agencies,
}: {
  thread: ThreadDetail;
  me?: string;
  zone: TimeZoneName;
  agencies: Agencies;
}) {
  return (
    <ol class="messages" aria-label={t('thread.messages')}>
      {thread.messages.map((message) => (
        <li
          key={message.messageId}
          class={`message message-${message.kind}`}
          data-message-id={message.messageId}
        >
          <p class="message-meta">
            <strong>{author(message, thread, me, agencies)}</strong>{' '}
            <time dateTime={message.at}>{formatDateTime(message.at, zone)}</time>
          </p>
          {message.hidden ? (
            <p class="message-hidden">{t('message.hidden', { reason: message.hidden.reason })}</p>
          ) : (
            <p class="message-body">{message.body}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function ThreadTimeline({
  thread,
  zone,
  agencies,
}: {
  thread: ThreadDetail;
  zone: TimeZoneName;
  agencies: Agencies;
}) {
  return (
    <ol class="timeline">
      {thread.timeline.map((entry) => (
        <li key={entry.position}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, zone)}</time> · {t(`event.${entry.type}`)}
          {entry.agencyId && <span> · {agencies.get(entry.agencyId) ?? entry.agencyId}</span>}
          {entry.reason && <span class="muted"> · “{entry.reason}”</span>}
        </li>
      ))}
    </ol>
  );
}
