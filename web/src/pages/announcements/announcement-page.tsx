import { useEffect, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { AnnouncementDetail } from '../../api/announcement-types';
import { t } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { useCommand } from '../../ui/use-command';
import { regionTopics, useAnnouncementTopics } from './announcement-topics';
import { QuestionForm } from './question-form';

/** One announcement: its versions, acknowledgements, questions and answers; live while open. */
export default function AnnouncementPage({ id }: { id: string }) {
  const session = useSession();
  const [detail, setDetail] = useState<AnnouncementDetail | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const ack = useCommand();

  const load = async (at?: string) => {
    try {
      const path = at ? `/api/announcements/${id}?minPosition=${at}` : readPath(`/api/announcements/${id}`);
      setDetail(await api<AnnouncementDetail>(path));
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  useEffect(() => void load(), [id, session.status]);

  const topics = !detail
    ? []
    : detail.target.regionCode
      ? regionTopics(detail.target.regionCode).slice(-1)
      : detail.target.groupIds.map((groupId) => `group:${groupId}`);
  useAnnouncementTopics(topics, detail?.position, (at) => void load(at));

  if (!detail) return <Page title={t('announcement.title')}>{<ProblemAlert problem={problem} />}</Page>;
  const signedIn = session.status === 'signed_in';
  const citizen = signedIn && session.role === 'citizen';
  const staff = signedIn && (session.role === 'facilitator' || session.role.startsWith('official:'));
  const acknowledge = async () => {
    const done = await ack.send<{ position: string }>(`/api/announcements/${id}/acknowledgements`, {});
    if (done) await load(done.position);
  };
  return (
    <Page title={detail.title}>
      {detail.status === 'withdrawn' && (
        <p class="alert" role="note">
          {t('announcement.withdrawnBecause', { reason: detail.withdrawnReason ?? '' })}
        </p>
      )}
      <p class="muted">
        {formatDateTime(detail.publishedAt)} · {detail.publisher.agencyId ?? t('announcement.byFacilitator')}
      </p>
      <p class="prewrap">{detail.body}</p>
      {detail.link && (
        <p>
          <a href={detail.link} rel="noopener noreferrer" target="_blank">
            {t('announcement.readMore')}
          </a>
        </p>
      )}
      <p data-ack-count={detail.acknowledgements}>
        {t('announcement.ackCount', { count: detail.acknowledgements })}
      </p>
      {signedIn && detail.status === 'published' && (
        <button
          type="button"
          class="button"
          disabled={ack.busy || detail.acknowledged}
          onClick={() => void acknowledge()}
        >
          {detail.acknowledged ? t('announcement.acknowledged') : t('announcement.acknowledge')}
        </button>
      )}
      <ProblemAlert problem={ack.problem} />
      {detail.versions.length > 1 && (
        <section>
          <h2>{t('announcement.versions')}</h2>
          <ol>
            {detail.versions.map((v) => (
              <li key={v.version}>
                <strong>{v.title}</strong> · {formatDateTime(v.at)}
                {v.corrected && <em> · {t('announcement.corrected')}</em>}
                <p class="prewrap">{v.body}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section>
        <h2>{t('announcement.questions')}</h2>
        {detail.questions.length === 0 && <p class="muted">{t('announcement.noQuestions')}</p>}
        <ul>
          {detail.questions.map((q) => (
            <li key={q.questionId}>
              <p>
                <strong>{q.asker}</strong>: {q.text}
              </p>
              {q.answer ? (
                <p>
                  <strong>{t('announcement.answer')}</strong>: {q.answer}
                </p>
              ) : (
                staff && (
                  <QuestionForm
                    path={`/api/announcements/${id}/questions/${q.questionId}/answer`}
                    label={t('announcement.answerLabel')}
                    onDone={(at) => void load(at)}
                  />
                )
              )}
            </li>
          ))}
        </ul>
        {citizen && detail.status === 'published' && (
          <QuestionForm
            path={`/api/announcements/${id}/questions`}
            label={t('announcement.askLabel')}
            onDone={(at) => void load(at)}
          />
        )}
      </section>
    </Page>
  );
}
