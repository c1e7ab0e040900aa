import { Fragment } from 'preact';
import { HistoryEntry } from '../../api/staff-types';
import { TimeZoneName } from '../../api/types';
import { hasText, t } from '../../i18n/i18n';
import { formatDateTime } from '../../ui/format';
import { shortHash } from './chain';

/** "Fasilitator fasil-1", "Petugas dinas-pupr", "Warga (tanpa nama)": who acted, as much as the reader may know. */
function actorOf({ id, role }: HistoryEntry['actor']): string {
  const official = role.startsWith('official:') ? role.slice('official:'.length) : undefined;
  const name = official
    ? t('history.role.official', { agency: official })
    : hasText(`history.role.${role}`)
      ? t(`history.role.${role}`)
      : role;
  return id === null ? t('history.actorHidden', { role: name }) : `${name} · ${id}`;
}

export const eventName = (type: string) => (hasText(`event.${type}`) ? t(`event.${type}`) : type);

const valueOf = (value: unknown): string =>
  value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value);

/** Each event with its position, actor and type, and the hash link that ties it to the one before. */
export function HistoryEntries({ events, zone }: { events: readonly HistoryEntry[]; zone: TimeZoneName }) {
  return (
    <ol class="history">
      {events.map((event, i) => {
        const linked = i === 0 ? event.previousHash === null : event.previousHash === events[i - 1].hash;
        return (
          <li
            key={event.position}
            class="history-entry"
            data-position={event.position}
            data-hash={event.hash}
            data-previous-hash={event.previousHash ?? ''}
          >
            <h3 class="history-title">
              {eventName(event.type)} <code class="muted small">{event.type}</code>
            </h3>
            <dl class="facts">
              <div>
                <dt>{t('history.position')}</dt>
                <dd>{event.position}</dd>
              </div>
              <div>
                <dt>{t('history.revision')}</dt>
                <dd>{event.revision}</dd>
              </div>
              <div>
                <dt>{t('history.actor')}</dt>
                <dd>{actorOf(event.actor)}</dd>
              </div>
              <div>
                <dt>{t('history.occurredAt')}</dt>
                <dd>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, zone)}</time>
                </dd>
              </div>
            </dl>
            <p class="hash-link">
              <span class="visually-hidden">{t('history.hashLink')}: </span>
              <code title={event.previousHash ?? undefined}>
                {event.previousHash ? shortHash(event.previousHash) : t('history.start')}
              </code>
              <span aria-hidden="true"> → </span>
              <span class="visually-hidden"> {t('history.then')} </span>
              <code title={event.hash}>{shortHash(event.hash)}</code>{' '}
              <span class={linked ? 'link-ok' : 'link-broken'}>
                {linked ? t('history.linked') : t('history.broken')}
              </span>
            </p>
            <details>
              <summary>{t('history.details')}</summary>
              <dl class="event-data">
                <dt>{t('history.previousHash')}</dt>
                <dd>
                  <code>{event.previousHash ?? t('history.start')}</code>
                </dd>
                <dt>{t('history.hash')}</dt>
                <dd>
                  <code>{event.hash}</code>
                </dd>
                <dt>{t('history.recordedAt')}</dt>
                <dd>{formatDateTime(event.recordedAt, zone)}</dd>
                {Object.entries(event.data).map(([field, value]) => (
                  <Fragment key={field}>
                    <dt>{field}</dt>
                    <dd>{valueOf(value)}</dd>
                  </Fragment>
                ))}
              </dl>
              {event.erased.length > 0 && (
                <p class="hint">{t('history.erased', { fields: event.erased.join(', ') })}</p>
              )}
              {event.withheld.length > 0 && (
                <p class="hint">{t('history.withheld', { fields: event.withheld.join(', ') })}</p>
              )}
            </details>
          </li>
        );
      })}
    </ol>
  );
}
