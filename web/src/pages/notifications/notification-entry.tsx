import { NotificationItem } from '../../api/notification-types';
import { TimeZoneName } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { formatDateTime } from '../../ui/format';

/** Agency id → name. */
type Agencies = ReadonlyMap<string, string>;

/** What happened, in a sentence that names an agency at most, never a person. */
export function notificationSentence(item: NotificationItem, agencies: Agencies, zone: TimeZoneName): string {
  const agency = item.agencyId ? (agencies.get(item.agencyId) ?? item.agencyId) : t('notifications.anAgency');
  const stage = item.stage ?? 'response';
  switch (item.kind) {
    case 'response':
      return t('notifications.kind.response', { agency });
    case 'reply':
      return t('notifications.kind.reply');
    case 'status':
      return t(`notifications.status.${item.change ?? 'changed'}`, { agency });
    case 'assignment':
      return t('notifications.kind.assignment', { agency });
    case 'deadline':
      return t(`notifications.deadline.${stage}`, {
        date: item.dueAt ? formatDateTime(item.dueAt, zone) : '—',
      });
    case 'escalation':
      return t(`notifications.escalation.${stage}`);
    case 'join_request':
    case 'group_draft':
    case 'group_response':
      return t(`group.notification.${item.kind}`);
    case 'announcement':
    case 'announcement_answer':
      return t(`announcement.notification.${item.kind}`);
  }
}

/** The thread it tells of, else the group's page (a join request, a draft, an announcement to it), else announcements. */
const notificationLink = (item: NotificationItem): string => {
  if (item.aspirationId) return paths.thread(item.aspirationId);
  return item.groupId ? paths.group(item.groupId) : paths.announcements;
};

interface Props {
  readonly item: NotificationItem;
  readonly agencies: Agencies;
  readonly zone: TimeZoneName;
  readonly busy: boolean;
  readonly markRead: (item: NotificationItem) => void;
  /** Following the link counts as reading it. */
  readonly opened: (item: NotificationItem) => void;
}

/** One notification: what happened, to which thread (a link to it), when; unread ones stand out and can be marked. */
export function NotificationEntry({ item, agencies, zone, busy, markRead, opened }: Props) {
  const titleId = `notification-${item.id}`;
  return (
    <li
      class={item.read ? 'card notification' : 'card notification notification-unread'}
      data-notification-id={item.id}
      data-read={String(item.read)}
    >
      <p class="card-meta">
        {!item.read && <span class="badge badge-unread">{t('notifications.new')}</span>}
        <time dateTime={item.at}>{formatDateTime(item.at, zone)}</time>
      </p>
      <p class="notification-what">{notificationSentence(item, agencies, zone)}</p>
      <h2 class="card-title" id={titleId}>
        <a href={notificationLink(item)} onClick={() => !item.read && opened(item)}>
          {item.title || t('thread.hiddenTitle')}
        </a>
      </h2>
      {!item.read && (
        <button
          type="button"
          class="link-button mark-read"
          aria-describedby={titleId}
          disabled={busy}
          onClick={() => markRead(item)}
        >
          {t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}
