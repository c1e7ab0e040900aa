import { useEffect, useState } from 'preact/hooks';
import { api, Problem, readPath } from '../../api/http';
import { ThreadPage, ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { ThreadList } from '../../ui/thread-list';

/** Everything the signed-in person submitted, whatever its status, newest first. */
export default function MinePage() {
  const me = useSession();
  const [items, setItems] = useState<ThreadSummary[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | undefined>();

  const load = async (cursor: string | null) => {
    try {
      const page = await api<ThreadPage>(
        readPath(`/api/me/aspirations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      setItems((before) => (cursor && before ? [...before, ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };

  useEffect(() => {
    if (me.status === 'signed_in') void load(null);
  }, [me.status]);

  return (
    <Page title={t('mine.title')} wide>
      {me.status === 'anonymous' && (
        <p>
          <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.mine)}`}>{t('mine.signIn')}</a>
        </p>
      )}
      <ProblemAlert problem={problem} />
      {me.status !== 'anonymous' && items === undefined && !problem && (
        <p role="status">{t('common.loading')}</p>
      )}
      {items?.length === 0 && (
        <p>
          {t('mine.empty')} <a href={paths.submit}>{t('nav.submit')}</a>
        </p>
      )}
      {items && <ThreadList items={items} />}
      {next && (
        <button type="button" class="button button-secondary" onClick={() => void load(next)}>
          {t('common.more')}
        </button>
      )}
    </Page>
  );
}
