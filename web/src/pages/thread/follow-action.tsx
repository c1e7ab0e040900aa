import { useState } from 'preact/hooks';
import { api, Problem } from '../../api/http';
import { ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { problemOf, ProblemAlert } from '../../ui/problem';

/**
 * Following brings the thread's answers, replies and status changes to one's notifications (its submitter follows it
 * from the start). A follow sent twice is refused as already done, which is how the page learns one already follows.
 */
export function FollowAction({ thread }: { thread: ThreadDetail }) {
  const [following, setFollowing] = useState(false);
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const change = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`/api/aspirations/${thread.id}/follow`, { method });
      setFollowing(method === 'POST');
    } catch (error) {
      const refused = problemOf(error);
      if (refused.code === 'already_following') setFollowing(true);
      else if (refused.code === 'not_following') setFollowing(false);
      else setProblem(refused);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="actions" aria-labelledby="follow-title">
      <h2 id="follow-title">{t('follow.title')}</h2>
      <ProblemAlert problem={problem} />
      <p class="hint">
        {following ? t('follow.following') : t('follow.hint')}{' '}
        <a href={paths.notifications}>{t('follow.toNotifications')}</a>
      </p>
      <button
        class="button button-secondary"
        type="button"
        disabled={busy}
        onClick={() => void change(following ? 'DELETE' : 'POST')}
      >
        {following ? t('follow.stop') : t('follow.start')}
      </button>
    </section>
  );
}
