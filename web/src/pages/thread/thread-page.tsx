import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { api, Problem, readPath } from '../../api/http';
import { AspirationDetail, CommandResult } from '../../api/types';
import { t } from '../../i18n/i18n';
import { LiveIndicator } from '../../live/live-indicator';
import { PendingReplies } from '../../offline/pending-sections';
import { useDelivered } from '../../offline/use-outbox';
import { paths } from '../../paths';
import { useSession } from '../../session/session';
import { Page } from '../../ui/page';
import { problemOf, ProblemAlert } from '../../ui/problem';
import { ThreadGroupLine } from '../groups/thread-group-line';
import { StaffPanelSlot } from '../staff/staff-panel-slot';
import { FollowAction } from './follow-action';
import { EndorseAction, SubmitterActions } from './thread-actions';
import { ThreadView } from './thread-view';
import { useLiveThread, withMessage } from './use-live-thread';

/** One aspiration with its messages and timeline, kept current live while the page is open. */
export default function ThreadPage() {
  const { params } = useRoute();
  const me = useSession();
  const [detail, setDetail] = useState<AspirationDetail | undefined>();
  const [problem, setProblem] = useState<Problem | undefined>();
  const actor = me.status === 'signed_in' ? me.actorId : undefined;

  useEffect(() => {
    if (me.status === 'restoring') return;
    setProblem(undefined);
    api<AspirationDetail>(readPath(`/api/aspirations/${params.id}`))
      .then(setDetail)
      .catch((error) => setProblem(problemOf(error)));
  }, [params.id, actor, me.status]);

  if (problem)
    return (
      <Page title={t('thread.notFoundTitle')}>
        <ProblemAlert problem={problem} />
        <PendingReplies threadId={params.id} />
        <p>
          <a href={paths.feed}>{t('common.backToFeed')}</a>
        </p>
      </Page>
    );
  if (!detail)
    return (
      <Page title={t('thread.loadingTitle')}>
        <p role="status">{t('common.loading')}</p>
        <PendingReplies threadId={params.id} />
      </Page>
    );
  return (
    <LiveThread detail={detail} onGone={() => setProblem({ status: 404, code: 'aspiration_not_found' })} />
  );
}

function LiveThread(props: { detail: AspirationDetail; onGone: () => void }) {
  const { thread, status, setThread } = useLiveThread(props.detail, props.onGone);
  const me = useSession();
  const signed = me.status === 'signed_in' ? me : undefined;
  const isSubmitter = signed !== undefined && thread.submittedBy === signed.actorId;
  // A villager who is not online speaks through the facilitators of the region (the server decides the region).
  const villager = signed?.role === 'facilitator' ? thread.onBehalfOf?.name : undefined;
  const done = (result: CommandResult) =>
    void api<AspirationDetail>(`/api/aspirations/${thread.id}?minPosition=${result.position ?? '0'}`)
      .then((fresh) => setThread((current) => current.messages.reduce(withMessage, fresh.aspiration)))
      .catch(() => undefined);
  // A reply kept on the phone reached the server: read the thread at its position, so it shows at once.
  useDelivered(({ entry, result }) => entry.threadId === thread.id && done(result));

  const notes = (
    <>
      <ThreadGroupLine thread={thread} />
      {isSubmitter && thread.visibility === 'confidential' && (
        <p class="note">{t('thread.confidentialNote')}</p>
      )}
      {isSubmitter && thread.anonymous && <p class="note">{t('thread.anonymousNote')}</p>}
    </>
  );
  return (
    <Page title={thread.title || t('thread.hiddenTitle')} wide>
      <LiveIndicator status={status} />
      <ThreadView thread={thread} me={signed?.actorId} notes={notes}>
        <PendingReplies threadId={thread.id} thread={thread} />
        {villager !== undefined && (
          <p class="note">
            <a href={paths.answerSheet(thread.id)}>{t('thread.printAnswerSheet', { name: villager })}</a>
          </p>
        )}
        {(isSubmitter || villager !== undefined) && signed && (
          <SubmitterActions thread={thread} me={signed} done={done} villager={villager} />
        )}
        {signed && <StaffPanelSlot thread={thread} me={signed} done={done} />}
        {!isSubmitter && signed?.role === 'citizen' && (
          <EndorseAction thread={thread} me={signed} done={done} />
        )}
        {!isSubmitter && signed && <FollowAction thread={thread} />}
        {!signed && (
          <p class="note">
            <a href={`${paths.signIn}?lanjut=${encodeURIComponent(paths.thread(thread.id))}`}>
              {t('thread.signInToAct')}
            </a>
          </p>
        )}
      </ThreadView>
    </Page>
  );
}
