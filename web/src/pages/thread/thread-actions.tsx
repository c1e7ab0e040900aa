import { useState } from 'preact/hooks';
import { api, newIdempotencyKey, Problem } from '../../api/http';
import { CommandResult, ThreadDetail } from '../../api/types';
import { t } from '../../i18n/i18n';
import { outbox, Outgoing } from '../../offline/outbox';
import { Signed } from '../../session/session';
import { TextAreaField, TextField } from '../../ui/fields';
import { problemOf, ProblemAlert } from '../../ui/problem';

interface Props {
  readonly thread: ThreadDetail;
  readonly me: Signed;
  /** After a command: the thread is read again at its position. */
  readonly done: (result: CommandResult) => void;
}

/** The submitter's own voice, or a facilitator's relaying for the named villager who is not online. */
type SubmitterProps = Props & { readonly villager?: string };

const isOpen = (status: string, ...statuses: string[]) => statuses.includes(status);

/** Sends one command with its own Idempotency-Key, so a retry after a lost answer does not act twice. */
function useCommand(done: Props['done']) {
  const [problem, setProblem] = useState<Problem | undefined>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const send = async (path: string, body?: unknown, method: 'POST' | 'DELETE' = 'POST') => {
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await api<CommandResult>(path, { method, body, idempotencyKey: key });
      setKey(newIdempotencyKey());
      done(result);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** Through the outbox: kept on the phone first, so without a network it waits and is sent once later. */
  const keep = async (outgoing: Outgoing) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const sent = await outbox.send(outgoing);
      if (sent !== 'queued') done(sent);
      return true;
    } catch (error) {
      setProblem(problemOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, keep, problem, busy };
}

/** What the submitter can do on their own thread (or a facilitator for the villager): reply, rate, reopen, close. */
export function SubmitterActions({ thread, done, villager }: SubmitterProps) {
  const { send, keep, problem, busy } = useCommand(done);
  const [reply, setReply] = useState('');
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const base = `/api/aspirations/${thread.id}`;
  const canReopen =
    isOpen(thread.status, 'resolved', 'closed') &&
    thread.reopenUntil !== null &&
    Date.parse(thread.reopenUntil) > Date.now();
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">
        {villager === undefined ? t('actions.title') : t('actions.relayTitle', { name: villager })}
      </h2>
      <ProblemAlert problem={problem} />
      {isOpen(thread.status, 'in_progress') && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const outgoing = { kind: 'reply', path: `${base}/replies`, body: { body: reply } } as const;
            if (await keep({ ...outgoing, threadId: thread.id, regionCode: thread.regionCode })) setReply('');
          }}
        >
          <TextAreaField
            id="reply"
            label={t('actions.reply')}
            hint={t('offline.replyHint')}
            value={reply}
            onInput={setReply}
            required
            maxLength={5000}
            rows={3}
          />
          <button class="button" type="submit" disabled={busy}>
            {t('actions.sendReply')}
          </button>
        </form>
      )}
      {isOpen(thread.status, 'resolved', 'closed') && thread.rating === null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void send(`${base}/rating`, { rating: Number(rating), ...(comment.trim() && { comment }) });
          }}
        >
          <fieldset class="field rating">
            <legend>{t('actions.rate')}</legend>
            {[1, 2, 3, 4, 5].map((value) => (
              <label key={value} class="rating-option">
                <input
                  type="radio"
                  name="rating"
                  value={value}
                  checked={rating === String(value)}
                  required
                  onChange={() => setRating(String(value))}
                />
                {t(`rating.${value}`)}
              </label>
            ))}
          </fieldset>
          <TextField
            id="rating-comment"
            label={t('actions.ratingComment')}
            value={comment}
            onInput={setComment}
            maxLength={1000}
          />
          <button class="button" type="submit" disabled={busy}>
            {t('actions.sendRating')}
          </button>
        </form>
      )}
      {canReopen && (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await send(`${base}/reopen`, { reason })) setReason('');
          }}
        >
          <TextField
            id="reopen-reason"
            label={t('actions.reopenReason')}
            hint={t('actions.reopenHint')}
            value={reason}
            onInput={setReason}
            required
            maxLength={1000}
          />
          <button class="button button-secondary" type="submit" disabled={busy}>
            {t('actions.reopen')}
          </button>
        </form>
      )}
      {isOpen(thread.status, 'in_progress', 'resolved') && (
        <div>
          <p class="hint">{t('actions.closeHint')}</p>
          <button
            class="button button-secondary"
            type="button"
            disabled={busy}
            onClick={() => void send(`${base}/close`)}
          >
            {t('actions.close')}
          </button>
        </div>
      )}
    </section>
  );
}

/** Another citizen may add their support to a public, verified thread (and take it back). */
export function EndorseAction({ thread, done }: Props) {
  const { send, problem, busy } = useCommand(done);
  const path = `/api/aspirations/${thread.id}/endorsements`;
  if (thread.visibility !== 'public' || isOpen(thread.status, 'submitted', 'rejected')) return null;
  const already = problem?.code === 'already_endorsed';
  return (
    <section class="actions" aria-labelledby="endorse-title">
      <h2 id="endorse-title">{t('actions.endorseTitle')}</h2>
      {!already && <ProblemAlert problem={problem} />}
      {already ? (
        <>
          <p>{t('actions.alreadyEndorsed')}</p>
          <button
            class="button button-secondary"
            type="button"
            disabled={busy}
            onClick={() => void send(path, undefined, 'DELETE')}
          >
            {t('actions.withdrawEndorsement')}
          </button>
        </>
      ) : (
        <button class="button" type="button" disabled={busy} onClick={() => void send(path)}>
          {t('actions.endorse', { count: thread.endorsements })}
        </button>
      )}
    </section>
  );
}
