import { Actor } from '../../platform/domain/decider';
import { CloseAspiration, RateAspiration, ReopenAspiration, ResolveAspiration } from './aspiration.commands';
import { AspirationDeps, dueAfter, hasPassed } from './aspiration.deadlines';
import { aspirationErrors as errors } from './aspiration.errors';
import { AspirationEvent, CloseReason } from './aspiration.events';
import {
  boundedText,
  existing,
  inStatus,
  isFacilitator,
  reasonText,
  REASON_MAX,
  requireAssignedOfficialOrFacilitator,
  requireFacilitator,
  requireOfficialOrFacilitator,
  requireSubmitter,
  requireSubmitterVoice,
  RELAYED,
  TEXT_MAX,
} from './aspiration.guards';
import { AspirationState, ExistingAspiration } from './aspiration.state';

export function resolve(
  command: ResolveAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  requireOfficialOrFacilitator(actor, 'resolve an aspiration');
  const current = inStatus(aspiration, 'resolve', ['in_progress']);
  requireAssignedOfficialOrFacilitator(current, actor, 'resolve an aspiration');
  const summary = boundedText(command.data.summary, 1, TEXT_MAX, () =>
    errors.invalidLength('invalid_summary', 'summary', 1, TEXT_MAX),
  );
  const reopenUntil = dueAfter(deps, now, 'reopenWindowDays', current.regionCode);
  return [{ type: 'AspirationResolved', data: { summary, resolvedAt: now.toISOString(), reopenUntil } }];
}

// One rating per aspiration, even across a reopening: statistics count each aspiration once.
export function rate(command: RateAspiration, state: AspirationState): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const { rating, comment } = command.data;
  const aspiration = existing(state, command.metadata.actor);
  const relayed = requireSubmitterVoice(aspiration, actor, 'rate');
  const done = inStatus(aspiration, 'rate', ['resolved', 'closed']);
  if (done.rating !== null) throw errors.alreadyRated();
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw errors.invalidRating();
  const commentError = () => errors.invalidLength('invalid_comment', 'comment', 1, REASON_MAX);
  const text = comment === undefined ? undefined : boundedText(comment, 1, REASON_MAX, commentError);
  return [
    {
      type: 'AspirationRated',
      data: {
        rating,
        ...(text !== undefined && { comment: text }),
        ratedAt: now.toISOString(),
        ...(relayed && RELAYED),
      },
    },
  ];
}

export function reopen(
  command: ReopenAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  requireSubmitterVoice(aspiration, actor, 'reopen');
  const done = inStatus(aspiration, 'reopen', ['resolved', 'closed']);
  if (hasPassed(now, done.reopenUntil)) throw errors.reopenWindowClosed(done.reopenUntil);
  const reason = reasonText(command.data.reason);
  const followUpDueAt = dueAfter(deps, now, 'followUpDays', done.regionCode);
  return [{ type: 'AspirationReopened', data: { reason, reopenedAt: now.toISOString(), followUpDueAt } }];
}

const CLOSE_REASONS: readonly CloseReason[] = ['by_submitter', 'by_facilitator', 'auto_no_reply'];

// The reason says who closes: the submitter, a facilitator, or the platform when a response went unanswered.
function requireMayClose(reason: CloseReason, aspiration: ExistingAspiration, actor: Actor): void {
  if (reason === 'by_submitter') requireSubmitter(aspiration, actor, 'close it as its submitter');
  else if (reason === 'by_facilitator')
    requireFacilitator(actor, aspiration.regionCode, 'close it as a facilitator');
  else if (actor.role !== 'system') throw errors.systemOnly('close an unanswered aspiration automatically');
}

/** A close asked for without a reason (the HTTP route): the submitter first, then a facilitator of its region. */
function reasonOf(aspiration: ExistingAspiration, actor: Actor): CloseReason {
  if (aspiration.submittedBy !== null && aspiration.submittedBy === actor.id) return 'by_submitter';
  // A facilitator of another region is told so by requireMayClose, as every facilitator command does.
  if (isFacilitator(actor)) return 'by_facilitator';
  throw errors.closeNotAllowed();
}

export function close(
  command: CloseAspiration,
  state: AspirationState,
  deps: AspirationDeps,
): AspirationEvent[] {
  const { actor, now } = command.metadata;
  const aspiration = existing(state, command.metadata.actor);
  const reason = command.data.reason ?? reasonOf(aspiration, actor);
  if (!CLOSE_REASONS.includes(reason)) throw errors.invalidCloseReason();
  requireMayClose(reason, aspiration, actor);
  const open = inStatus(aspiration, 'close', ['in_progress', 'resolved']);
  if (reason === 'auto_no_reply') {
    if (open.pendingAutoCloseAt === null) throw errors.noReplyPending();
    if (!hasPassed(now, open.pendingAutoCloseAt)) throw errors.autoCloseNotDue(open.pendingAutoCloseAt);
  }
  const reopenUntil = dueAfter(deps, now, 'reopenWindowDays', open.regionCode);
  return [{ type: 'AspirationClosed', data: { reason, closedAt: now.toISOString(), reopenUntil } }];
}
