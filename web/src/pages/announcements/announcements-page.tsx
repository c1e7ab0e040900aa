import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { AnnouncementPage, AnnouncementSummary } from '../../api/announcement-types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { regionTopics, useAnnouncementTopics } from './announcement-topics';

const REGION = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** Announcements, newest first: a region's (with those of the regions above it), and to the person's groups; live. */
export default function AnnouncementsPage() {
  const { query, route } = useLocation();
  const session = useSession();
  const region = REGION.test(query.wilayah ?? '') ? query.wilayah : '';
  const [items, setItems] = useState<AnnouncementSummary[]>([]);
  const [position, setPosition] = useState<string | undefined>();
  const [groupTopics, setGroupTopics] = useState<string[]>([]);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [draft, setDraft] = useState(region);

  const load = async (at?: string) => {
    try {
      const filter = region ? `region=${region}` : '';
      const minPosition = at ? `${filter ? '&' : ''}minPosition=${at}` : '';
      const page = await api<AnnouncementPage>(readPath(`/api/announcements?${filter}${minPosition}`));
      setItems(page.items);
      setPosition((before) => before ?? page.position);
      setProblem(undefined);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  useEffect(() => void load(), [region, session.status]);
  useEffect(() => {
    if (session.status !== 'signed_in') return setGroupTopics([]);
    void api<{ items: { groupId: string; status: string }[] }>('/api/me/groups?limit=100')
      .then((page) =>
        setGroupTopics(page.items.filter((g) => g.status === 'member').map((g) => `group:${g.groupId}`)),
      )
      .catch(() => setGroupTopics([]));
  }, [session.status]);
  useAnnouncementTopics(
    [...(region ? regionTopics(region) : []), ...groupTopics],
    position,
    (at) => void load(at),
  );

  const staff =
    session.status === 'signed_in' &&
    (session.role === 'facilitator' || session.role.startsWith('official:'));
  return (
    <Page title={t('announcement.list.title')} wide>
      <p class="lead">{t('announcement.list.lead')}</p>
      {staff && (
        <p>
          <a class="button" href={paths.publishAnnouncement}>
            {t('announcement.publish.link')}
          </a>
        </p>
      )}
      <form
        class="filters-box"
        onSubmit={(e) => {
          e.preventDefault();
          route(draft.trim() ? `${paths.announcements}?wilayah=${draft.trim()}` : paths.announcements);
        }}
      >
        <label>
          {t('announcement.list.region')}
          <input value={draft} placeholder="62.06.02.1003" onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button-secondary">
          {t('announcement.list.filter')}
        </button>
      </form>
      <ProblemAlert problem={problem} />
      <p class="muted" role="status" aria-live="polite">
        {items.length === 0
          ? t('announcement.list.empty')
          : t('announcement.list.count', { count: items.length })}
      </p>
      <ul class="thread-list">
        {items.map((a) => (
          <li key={a.id} data-announcement-id={a.id}>
            <a href={paths.announcement(a.id)}>{a.title}</a>
            {a.status === 'withdrawn' && <strong> · {t('announcement.withdrawn')}</strong>}
            {a.corrected && <span> · {t('announcement.corrected')}</span>}
            <p class="muted">
              {formatDateTime(a.publishedAt)} · {a.publisher.agencyId ?? t('announcement.byFacilitator')} ·{' '}
              {t('announcement.ackCount', { count: a.acknowledgements })}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
