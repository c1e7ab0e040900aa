import { positionFromStored } from '../../platform/document-store/positions';
import { Audience, seesHiddenContent, seesSubmitter, seesVillager } from '../aspiration-access';
import { ThreadDocument, ThreadMessage } from './thread.document';

/** A deadline has passed when the step it guards is still open after it. */
export const isOverdue = (thread: Pick<ThreadDocument, 'dueAt'>, now: Date): boolean =>
  thread.dueAt !== null && Date.parse(thread.dueAt) < now.getTime();

function redactMessage(message: ThreadMessage, audience: Audience, thread: ThreadDocument): ThreadMessage {
  // The submitter's messages: a citizen's (only the submitter writes as one), a facilitator's who submitted
  // (the submission itself, also once an erased submitter left submittedBy null), or one relayed for the villager.
  const bySubmitter =
    message.actor.role === 'citizen' ||
    message.kind === 'submission' ||
    message.relayedForVillager === true ||
    message.actor.id === thread.submittedBy;
  const actor =
    bySubmitter && !seesSubmitter(audience, thread.anonymous)
      ? { ...message.actor, id: null }
      : message.actor;
  if (!message.hidden || seesHiddenContent(audience)) return { ...message, actor };
  return { ...message, actor, body: '', ...(message.title !== undefined && { title: '' }) };
}

/** A hidden submission keeps its place in lists, but only moderators and auditors read its title. */
const titleFor = (thread: ThreadDocument, audience: Audience): string =>
  thread.messages[0]?.hidden && !seesHiddenContent(audience) ? '' : thread.title;

/** Whom it speaks for: the group, its name then, and (for a draft its members co-signed) how many signed. */
const groupOf = (thread: ThreadDocument) => ({
  groupId: thread.groupId,
  groupName: thread.groupName ?? null,
  groupSignatures: thread.groupSignatures ?? null,
  groupDraftId: thread.groupDraftId ?? null,
  monitoringReportId: thread.monitoringReportId ?? null,
});

/** A thread as one audience may see it; the same for everyone in that audience. */
export function threadDetail(thread: ThreadDocument, audience: Audience) {
  return {
    id: thread._id,
    title: titleFor(thread, audience),
    category: thread.category,
    regionCode: thread.regionCode,
    visibility: thread.visibility,
    anonymous: thread.anonymous,
    ...groupOf(thread),
    submittedBy: seesSubmitter(audience, thread.anonymous) ? thread.submittedBy : null,
    submitterErased: thread.submitterErased === true,
    ...(seesVillager(audience, thread.anonymous) && thread.onBehalfOf && { onBehalfOf: thread.onBehalfOf }),
    status: thread.status,
    agencyId: thread.agencyId,
    submittedAt: thread.submittedAt,
    dueAt: thread.dueAt,
    verificationDueAt: thread.verificationDueAt,
    followUpDueAt: thread.followUpDueAt,
    autoCloseDueAt: thread.autoCloseDueAt,
    reopenUntil: thread.reopenUntil,
    firstRespondedAt: thread.firstRespondedAt,
    rating: thread.rating,
    endorsements: thread.endorsements,
    messages: thread.messages.map((m) => redactMessage(m, audience, thread)),
    timeline: thread.timeline,
    position: positionFromStored(thread.lastPosition).toString(),
  };
}

/**
 * What a list page leaves out when it reads threads: message bodies and titles, the timeline and the search words,
 * which only the detail shows and which grow with the thread. threadSummary needs none of them.
 */
export const SUMMARY_LEAVES_OUT = {
  'messages.body': 0,
  'messages.title': 0,
  timeline: 0,
  words: 0,
} as const;

/** A thread as a line of a list: no message bodies. */
export function threadSummary(thread: ThreadDocument, audience: Audience) {
  return {
    id: thread._id,
    title: titleFor(thread, audience),
    category: thread.category,
    regionCode: thread.regionCode,
    status: thread.status,
    agencyId: thread.agencyId,
    groupId: thread.groupId,
    groupSignatures: thread.groupSignatures ?? null,
    submittedAt: thread.submittedAt,
    dueAt: thread.dueAt,
    endorsements: thread.endorsements,
    messageCount: thread.messages.length,
    updatedAt: thread.updatedAt,
    position: positionFromStored(thread.lastPosition).toString(),
  };
}

export type ThreadDetail = ReturnType<typeof threadDetail>;
export type ThreadSummary = ReturnType<typeof threadSummary>;
