import { Audience, audienceOf, seesHiddenContent } from '../../src/aspirations/aspiration-access';
import { regionCovers } from '../../src/platform/domain/region-codes';
import { NotificationKind } from '../../src/notifications/domain/preferences';
import {
  DeadlineStage,
  FollowerDocument,
  NotifiedThreadDocument,
  StaffRoleDocument,
  StatusChange,
} from '../../src/notifications/read-models/notification.document';
import { Actor, Role } from '../../src/platform/domain/decider';
import { ProjectedEvent } from '../runner/projection';

/** One person to tell of an event, as what, and as which audience of the thread (which decides the title). */
export interface Notice {
  readonly personId: string;
  readonly kind: NotificationKind;
  readonly audience: Audience;
  readonly title: string;
  readonly change: StatusChange | null;
  readonly stage: DeadlineStage | null;
  readonly dueAt: string | null;
  readonly agencyId: string | null;
}

/** What is known of the people around the thread when the event is projected. */
export interface Around {
  readonly before: NotifiedThreadDocument;
  readonly after: NotifiedThreadDocument;
  readonly followers: readonly FollowerDocument[];
  readonly staff: readonly StaffRoleDocument[];
}

type What = Pick<Notice, 'kind' | 'change' | 'stage' | 'dueAt' | 'agencyId'>;
interface Candidate {
  readonly actor: Actor;
  readonly what: What;
  /** Told in office of something that just left them (an escalation away): their view before the event counts. */
  readonly formerly?: boolean;
}

const facts = (thread: NotifiedThreadDocument) => ({
  status: thread.status as Exclude<Parameters<typeof audienceOf>[1]['status'], 'none'>,
  submittedBy: thread.submittedBy,
  visibility: thread.visibility,
  regionCode: thread.regionCode,
  ...(thread.agencyId !== null && { agencyId: thread.agencyId }),
});

const what = (kind: NotificationKind, more: Partial<What> = {}): What => ({
  kind,
  change: null,
  stage: null,
  dueAt: null,
  agencyId: null,
  ...more,
});

const actorOf = (person: { personId: string; role: string; regionCode: string | null }): Actor => ({
  id: person.personId,
  role: person.role as Role,
  ...(person.regionCode !== null && { regionCode: person.regionCode }),
});

/** A member following the group's aspiration hears its answers as the group's (group_response). */
const asFollower = (follower: FollowerDocument, told: What): What =>
  follower.reason === 'group' && told.kind === 'response' ? { ...told, kind: 'group_response' } : told;

const followersTold = ({ followers }: Around, told: What): Candidate[] =>
  followers.filter((f) => f.following).map((f) => ({ actor: actorOf(f), what: asFollower(f, told) }));

/** The submitter hears of their own submission's verification or rejection even after unfollowing it. */
const submitterTold = ({ after }: Around, told: What): Candidate[] =>
  after.submittedBy === null ? [] : [{ actor: { id: after.submittedBy, role: 'citizen' }, what: told }];

const officialsOf = (
  { staff }: Around,
  agencyId: string | null,
  told: What,
  formerly = false,
): Candidate[] =>
  agencyId === null
    ? []
    : staff
        .filter((s) => s.kind === 'official' && s.agencyId === agencyId)
        .map((s) => ({ actor: actorOf(s), what: told, formerly }));

/** Facilitators bound to the thread's region or a region above it, and platform-wide ones. */
const facilitatorsOf = ({ staff, after }: Around, told: What): Candidate[] =>
  staff
    .filter(
      (s) =>
        s.kind === 'facilitator' && (s.regionCode === null || regionCovers(s.regionCode, after.regionCode)),
    )
    .map((s) => ({ actor: actorOf(s), what: told }));

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Who hears of an aspiration event (or a deadline reminder), before dropping the actor and those who may not see it. */
function candidates(event: ProjectedEvent, around: Around): Candidate[] {
  const data = event.data;
  const status = (change: StatusChange) => what('status', { change });
  switch (event.type) {
    case 'AspirationVerified':
    case 'AspirationRejected': {
      const told = status(event.type === 'AspirationVerified' ? 'verified' : 'rejected');
      return [...submitterTold(around, told), ...followersTold(around, told)];
    }
    case 'AspirationAssigned': {
      const agencyId = text(data.agencyId);
      return [
        ...officialsOf(around, agencyId, what('assignment', { agencyId })),
        ...followersTold(around, status('assigned')),
      ];
    }
    case 'AspirationForwarded': {
      const agencyId = text(data.toAgencyId);
      return officialsOf(around, agencyId, what('assignment', { agencyId }));
    }
    case 'OfficialResponded':
      return followersTold(around, what('response', { agencyId: text(data.agencyId) }));
    case 'CitizenReplied':
      return followersTold(around, what('reply'));
    case 'AspirationResolved':
      return followersTold(around, status('resolved'));
    case 'AspirationClosed':
      return followersTold(around, status('closed'));
    case 'AspirationReopened': {
      const agencyId = around.after.agencyId;
      return [
        ...officialsOf(around, agencyId, what('assignment', { agencyId })),
        ...followersTold(around, status('reopened')),
      ];
    }
    case 'AspirationEscalated':
      return escalated(data, around);
    case 'DeadlineReminderIssued':
      return reminded(data, around);
    default:
      return [];
  }
}

/** A missed verification goes to the region's facilitators; a missed response to the agency and its parent. */
function escalated(data: Record<string, unknown>, around: Around): Candidate[] {
  if (data.stage === 'verification')
    return facilitatorsOf(around, what('escalation', { stage: 'verification' }));
  const [from, to] = [text(data.fromAgencyId), text(data.toAgencyId)];
  const told = what('escalation', { stage: 'response', agencyId: to ?? from });
  return [
    ...officialsOf(around, to, told),
    ...officialsOf(around, from, told, true),
    // Without a parent agency the facilitators are the ones alerted.
    ...(to === null ? facilitatorsOf(around, told) : []),
  ];
}

/** DeadlineReminderIssued {stage, dueAt, remindedAt}, issued by the scheduler before a deadline passes. */
function reminded(data: Record<string, unknown>, around: Around): Candidate[] {
  const dueAt = text(data.dueAt);
  if (data.stage === 'verification')
    return facilitatorsOf(around, what('deadline', { stage: 'verification', dueAt }));
  if (data.stage !== 'response') return [];
  const agencyId = around.after.agencyId;
  return officialsOf(around, agencyId, what('deadline', { stage: 'response', dueAt, agencyId }));
}

/** A hidden submission's title is read only by moderators and auditors, as in every other view. */
const titleFor = (thread: NotifiedThreadDocument, audience: Audience): string =>
  thread.submissionHidden && !seesHiddenContent(audience) ? '' : thread.title;

const seenBy = (actor: Actor, thread: NotifiedThreadDocument) => {
  const audience = audienceOf(actor, facts(thread));
  return audience === undefined ? undefined : { audience, thread };
};

/**
 * Who is told of an event, once each: never the one who acted, never one who may not see the thread. Nothing but the
 * thread's title (as the person may see it) and what happened reaches them: no one's id, so an anonymous submitter
 * stays unknown to everyone else.
 */
export function noticesOf(event: ProjectedEvent, around: Around): Notice[] {
  const told = new Map<string, Notice>();
  for (const { actor, what: w, formerly } of candidates(event, around)) {
    if (actor.id === event.actor.id || told.has(actor.id)) continue;
    const seen = seenBy(actor, around.after) ?? (formerly ? seenBy(actor, around.before) : undefined);
    if (seen === undefined) continue;
    told.set(actor.id, {
      personId: actor.id,
      audience: seen.audience,
      title: titleFor(seen.thread, seen.audience),
      ...w,
    });
  }
  return [...told.values()];
}
