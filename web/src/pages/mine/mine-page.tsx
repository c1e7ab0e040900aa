import { ThreadSummary } from '../../api/types';
import { t } from '../../i18n/i18n';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { MoreButton } from '../../ui/more-button';
import { ProblemAlert } from '../../ui/problem';
import { ThreadList } from '../../ui/thread-list';
import { usePagedList } from '../../ui/use-paged-list';

/** Everything the signed-in person submitted, whatever its status, newest first. */
export default function MinePage() {
  const me = useSession();
  const signed = me.status === 'signed_in' ? me : undefined;
  const list = usePagedList<ThreadSummary>(signed && '/api/me/aspirations', signed?.actorId);
  const { items, problem } = list;

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
      <MoreButton more={list.more} busy={list.loading} />
    </Page>
  );
}
