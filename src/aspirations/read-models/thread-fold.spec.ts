import { isDeepStrictEqual } from 'node:util';
import {
  citizen,
  facilitator,
  pupr,
  submission,
  system,
} from '../../../projections/aspirations/testing/projection-fixtures';
import { EndorsementEvent } from '../../endorsements/domain/endorsement.events';
import { Actor } from '../../platform/domain/decider';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { AspirationEvent } from '../domain/aspiration.events';
import { nextThread } from './thread-fold';
import { threadDetail, threadSummary } from './thread-views';
import { NOTHING_DUE, ThreadDocument } from './thread.document';

// prettier-ignore
const at = {
  submitted: '2026-01-09T03:00:00.000Z', verified: '2026-01-12T02:00:00.000Z',
  assigned: '2026-01-12T03:00:00.000Z', responded: '2026-01-14T03:00:00.000Z',
  replied: '2026-01-14T05:00:00.000Z', resolved: '2026-01-15T03:00:00.000Z', later: '2026-01-21T03:00:00.000Z',
};
// prettier-ignore
const due = {
  verification: '2026-01-14T16:59:59.999Z', followUp: '2026-01-20T16:59:59.999Z',
  autoClose: '2026-01-29T16:59:59.999Z', reopenUntil: '2026-01-30T16:59:59.999Z',
  laterFollowUp: '2026-01-28T16:59:59.999Z', laterAutoClose: '2026-02-04T16:59:59.999Z',
};

type Event = AspirationEvent | EndorsementEvent;
type DataOf<T extends Event['type']> = Extract<Event, { type: T }>['data'];
let position = 1040n; // each event built takes the next position: events built in story order increase
/** An event as the runner hands it over, occurring at its own `…At` time (the first that is not a deadline). */
function event<T extends Event['type']>(type: T, actor: Actor, data: DataOf<T>): ProjectedEvent {
  position += 1n;
  const occurredAt = Object.entries(data).find(([key]) => key.endsWith('At') && !key.endsWith('DueAt'))![1];
  return { type, data: { ...data }, stream: 'aspiration-asp-1', position, actor, occurredAt };
}

// One story, in order (so positions increase along any part of it), laid out as a table.
// prettier-ignore
const story = {
  submitted: event('AspirationSubmitted', citizen, submission),
  verified: event('AspirationVerified', facilitator, { verifiedAt: at.verified }),
  rejected: event('AspirationRejected', facilitator, { reason: 'Bukan kewenangan', rejectedAt: at.verified }),
  assigned: event('AspirationAssigned', facilitator,
    { agencyId: 'dinas-pupr', assignedAt: at.assigned, followUpDueAt: due.followUp }),
  responded: event('OfficialResponded', pupr, { messageId: 'msg-2', body: 'Tim kami meninjau lokasi.',
    agencyId: 'dinas-pupr', respondedAt: at.responded, autoCloseDueAt: due.autoClose }),
  forwarded: event('AspirationForwarded', facilitator, { fromAgencyId: 'dinas-pupr', toAgencyId: 'dinas-perkim',
    reason: 'Jalan desa', forwardedAt: at.replied, followUpDueAt: due.laterFollowUp }),
  replied: event('CitizenReplied', citizen,
    { messageId: 'msg-3', body: 'Kami tunggu.', repliedAt: at.replied }),
  respondedAgain: event('OfficialResponded', pupr, { messageId: 'msg-4', body: 'Penambalan dijadwalkan.',
    agencyId: 'dinas-pupr', respondedAt: at.later, autoCloseDueAt: due.laterAutoClose }),
  hidden: event('MessageHidden', facilitator,
    { messageId: 'msg-2', reason: 'Data pribadi', hiddenAt: at.later }),
  resolved: event('AspirationResolved', pupr,
    { summary: 'Lubang sudah ditambal.', resolvedAt: at.resolved, reopenUntil: due.reopenUntil }),
  rated: event('AspirationRated', citizen, { rating: 4, ratedAt: at.later }),
  reopened: event('AspirationReopened', citizen,
    { reason: 'Lubang muncul lagi', reopenedAt: at.later, followUpDueAt: due.laterFollowUp }),
  closed: event('AspirationClosed', system,
    { reason: 'auto_no_reply', closedAt: at.later, reopenUntil: due.reopenUntil }),
};
const { submitted, verified, rejected, assigned, responded, forwarded, replied } = story;
const { respondedAgain, hidden, resolved, rated, reopened, closed } = story;
const escalated = (toAgencyId: string | null) =>
  event('AspirationEscalated', system, {
    stage: 'response',
    fromAgencyId: 'dinas-pupr',
    toAgencyId,
    escalatedAt: at.later,
    ...(toAgencyId && { followUpDueAt: due.laterFollowUp }),
  });

/** The thread after every event of a story; each one must fit, or the story itself is wrong. */
function given(...events: ProjectedEvent[]): ThreadDocument {
  return events.reduce<ThreadDocument | undefined>((thread, e) => {
    const next = nextThread(e, thread);
    if (!next) throw new Error(`${e.type} at ${e.position} does not fit the story`);
    return next;
  }, undefined)!;
}

const SCHEDULER_FIELDS = [
  'remindedDeadlines',
  'escalatedDeadlines',
  'remindBeforeMs',
  'escalateAfterMs',
  'autoCloseAfterMs',
];

/** What an event changes in the thread after a story, besides what every event moves (timeline, position). */
function changesOf(event: ProjectedEvent, ...story: ProjectedEvent[]): Partial<ThreadDocument> {
  const before: Record<string, unknown> = given(...story);
  const after = given(...story, event);
  // The deadline scheduler's fields have their own spec (thread-deadlines.spec.ts).
  const moved = ['timeline', 'lastPosition', 'updatedAt', ...SCHEDULER_FIELDS];
  const changed = ([key, value]: [string, unknown]) =>
    !moved.includes(key) && !isDeepStrictEqual(value, before[key]);
  return Object.fromEntries(Object.entries(after).filter(changed));
}

const answered = [submitted, verified, assigned, responded];
const stored = (e: ProjectedEvent) => e.position.toString().padStart(40, '0');

describe('thread fold: intake', () => {
  const words = 'jalan rusak di kasongan baru utama menuju pasar berlubang besar dan tergenang saat hujan';

  it('opens an unpublished thread from a submission, waiting for verification', () => {
    expect(nextThread(submitted, undefined)).toStrictEqual({
      _id: 'asp-1',
      title: 'Jalan rusak di Kasongan Baru',
      category: 'infrastruktur',
      regionCode: '62.06.02.1003',
      regions: ['62', '62.06', '62.06.02', '62.06.02.1003'],
      visibility: 'public',
      anonymous: false,
      groupId: null,
      groupName: null,
      groupSignatures: null,
      groupDraftId: null,
      monitoringReportId: null,
      submittedBy: 'citizen-1',
      submitterErased: false,
      onBehalfOf: null,
      status: 'submitted',
      published: false,
      agencyId: null,
      submittedAt: at.submitted,
      verificationDueAt: due.verification,
      followUpDueAt: null,
      autoCloseDueAt: null,
      reopenUntil: null,
      dueAt: due.verification,
      dueSort: due.verification,
      remindedDeadlines: {},
      escalatedDeadlines: {},
      remindBeforeMs: Date.parse(due.verification),
      escalateAfterMs: Date.parse(due.verification),
      autoCloseAfterMs: null,
      assignedAt: null,
      firstRespondedAt: null,
      rating: null,
      endorsements: 0,
      messages: [
        {
          messageId: 'msg-1',
          kind: 'submission',
          title: 'Jalan rusak di Kasongan Baru',
          body: 'Jalan utama menuju pasar berlubang besar dan tergenang saat hujan.',
          at: at.submitted,
          actor: citizen,
        },
      ],
      timeline: [{ type: 'AspirationSubmitted', at: at.submitted, status: 'submitted', position: '1041' }],
      words: words.split(' '),
      lastPosition: '0000000000000000000000000000000000001041',
      updatedAt: at.submitted,
    });
  });

  it('keeps the group and the villager a facilitator speaks for, and normalizes the words', () => {
    // given
    const onBehalfOf = { name: 'Ibu Sari', contact: '0812-0000-0000' };
    const data = { ...submission, groupId: 'kim-kasongan', onBehalfOf, submittedBy: facilitator.id };
    const text = { title: 'Atap SEKOLAH bocor', body: 'Atap rusak sejak Désember, ya.' };
    // when
    const thread = nextThread(event('AspirationSubmitted', facilitator, { ...data, ...text }), undefined);
    // then
    expect(thread).toMatchObject({ groupId: 'kim-kasongan', onBehalfOf, submittedBy: 'facilitator-1' });
    expect(thread?.messages[0].actor).toEqual(facilitator);
    expect(thread?.words).toEqual(['atap', 'sekolah', 'bocor', 'rusak', 'sejak', 'desember', 'ya']);
  });

  it('keeps whom a group draft speaks for: the group, its name then, the signatures, the draft and its report', () => {
    const group = {
      groupId: 'group-1',
      groupName: 'KIM Kasongan Baru',
      groupSignatures: 4,
      groupDraftId: 'draft-1',
      monitoringReportId: 'report-1',
    };
    const thread = nextThread(event('AspirationSubmitted', citizen, { ...submission, ...group }), undefined);
    expect(thread).toMatchObject(group);
    expect(threadDetail(thread!, 'public')).toMatchObject(group);
    expect(threadSummary(thread!, 'public')).toMatchObject({ groupId: 'group-1', groupSignatures: 4 });
  });

  it('publishes a public thread once verified, and waits for nobody', () => {
    expect(changesOf(verified, submitted)).toEqual({
      status: 'verified',
      published: true,
      dueAt: null,
      dueSort: NOTHING_DUE,
    });
  });

  it('never publishes a rejected thread', () => {
    expect(changesOf(rejected, submitted)).toEqual({ status: 'rejected', dueAt: null, dueSort: NOTHING_DUE });
  });

  it('never publishes a confidential thread, whatever happens to it', () => {
    // given
    const confidential = event('AspirationSubmitted', citizen, { ...submission, visibility: 'confidential' });
    const life = [confidential, verified, assigned, responded, replied, resolved, reopened, closed, rated];
    // when
    const published = life.map((_, i) => given(...life.slice(0, i + 1)).published);
    // then
    expect(published).toEqual(life.map(() => false));
  });
});

describe('thread fold: handling', () => {
  it('hands the thread to an agency with its follow-up deadline', () => {
    expect(changesOf(assigned, submitted, verified)).toEqual({
      status: 'in_progress',
      agencyId: 'dinas-pupr',
      assignedAt: at.assigned,
      followUpDueAt: due.followUp,
      dueAt: due.followUp,
      dueSort: due.followUp,
    });
  });

  it('records the first response, and then waits for the submitter only', () => {
    const { messages, ...fields } = changesOf(responded, submitted, verified, assigned);
    expect(fields).toEqual({
      firstRespondedAt: at.responded,
      followUpDueAt: null,
      dueAt: null,
      dueSort: NOTHING_DUE,
      autoCloseDueAt: due.autoClose,
    });
    expect(messages?.slice(1)).toEqual([
      {
        messageId: 'msg-2',
        kind: 'response',
        body: 'Tim kami meninjau lokasi.',
        at: at.responded,
        actor: pupr,
        agencyId: 'dinas-pupr',
      },
    ]);
  });

  it('does not move the first response when the agency answers again', () => {
    const { messages, ...fields } = changesOf(respondedAgain, ...answered, replied);
    expect(fields).toEqual({ autoCloseDueAt: due.laterAutoClose });
    expect(messages?.map((m) => m.messageId)).toEqual(['msg-1', 'msg-2', 'msg-3', 'msg-4']);
  });

  it('stops the automatic close when the submitter replies', () => {
    const { messages, ...fields } = changesOf(replied, ...answered);
    expect(fields).toEqual({ autoCloseDueAt: null });
    const reply = { messageId: 'msg-3', kind: 'reply', body: 'Kami tunggu.', at: at.replied, actor: citizen };
    expect(messages?.at(-1)).toEqual(reply);
  });

  it('moves a forwarded thread to the other agency with a fresh deadline', () => {
    expect(changesOf(forwarded, ...answered)).toEqual({
      agencyId: 'dinas-perkim',
      followUpDueAt: due.laterFollowUp,
      dueAt: due.laterFollowUp,
      dueSort: due.laterFollowUp,
      autoCloseDueAt: null,
    });
  });

  it('hands a thread escalated past its response deadline to the parent agency', () => {
    expect(changesOf(escalated('setda-katingan'), submitted, verified, assigned)).toEqual({
      agencyId: 'setda-katingan',
      followUpDueAt: due.laterFollowUp,
      dueAt: due.laterFollowUp,
      dueSort: due.laterFollowUp,
    });
  });

  it('leaves the handling alone when an escalation only alerts the facilitators', () => {
    expect(changesOf(escalated(null), submitted, verified, assigned)).toEqual({});
  });
});

describe('thread fold: outcome and moderation', () => {
  it('resolves, with a window to reopen', () => {
    expect(changesOf(resolved, ...answered)).toEqual({ status: 'resolved', reopenUntil: due.reopenUntil });
  });

  it('is rated', () => {
    expect(changesOf(rated, ...answered, resolved)).toEqual({ rating: 4 });
  });

  it('reopens with a fresh deadline for the agency', () => {
    expect(changesOf(reopened, ...answered, resolved)).toEqual({
      status: 'in_progress',
      reopenUntil: null,
      autoCloseDueAt: null,
      followUpDueAt: due.laterFollowUp,
      dueAt: due.laterFollowUp,
      dueSort: due.laterFollowUp,
    });
  });

  it('closes, and stops waiting for the submitter', () => {
    expect(changesOf(closed, ...answered)).toEqual({
      status: 'closed',
      reopenUntil: due.reopenUntil,
      autoCloseDueAt: null,
    });
  });

  it('hides the message named, with the reason, and leaves the others alone', () => {
    const before = given(...answered, replied);
    expect(changesOf(hidden, ...answered, replied)).toEqual({
      messages: [
        before.messages[0],
        { ...before.messages[1], hidden: { reason: 'Data pribadi', at: at.later } },
        before.messages[2],
      ],
    });
  });

  it('keeps a timeline of every step with its status, agency, position and reason', () => {
    // given
    const life = [submitted, verified, assigned, responded, forwarded, hidden, resolved, reopened, closed];
    // when
    const { timeline, lastPosition } = given(...life);
    // then
    const step = (e: ProjectedEvent, status: string, agencyId?: string, reason?: string) => ({
      type: e.type,
      at: e.occurredAt,
      status,
      position: String(e.position),
      ...(agencyId && { agencyId }),
      ...(reason && { reason }),
    });
    expect(timeline).toStrictEqual([
      step(submitted, 'submitted'),
      step(verified, 'verified'),
      step(assigned, 'in_progress', 'dinas-pupr'),
      step(responded, 'in_progress', 'dinas-pupr'),
      step(forwarded, 'in_progress', 'dinas-perkim', 'Jalan desa'),
      step(hidden, 'in_progress', 'dinas-perkim'), // the reason stays with the message
      step(resolved, 'resolved', 'dinas-perkim', 'Lubang sudah ditambal.'),
      step(reopened, 'in_progress', 'dinas-perkim', 'Lubang muncul lagi'),
      step(closed, 'closed', 'dinas-perkim', 'auto_no_reply'),
    ]);
    expect(lastPosition).toBe(stored(closed));
  });
});

describe('thread fold: endorsements and events that do not fit', () => {
  const endorsed = () =>
    event('AspirationEndorsed', citizen, { aspirationId: 'asp-1', endorsedAt: at.later });
  const withdrawn = () =>
    event('EndorsementWithdrawn', citizen, { aspirationId: 'asp-1', withdrawnAt: at.later });

  it('counts endorsements up and down, never below zero', () => {
    // given
    const endorsements = [endorsed(), endorsed(), withdrawn(), withdrawn(), withdrawn()];
    // when
    const counts = endorsements.map((_, i) => given(submitted, verified, ...endorsements.slice(0, i + 1)));
    // then
    expect(counts.map((thread) => thread.endorsements)).toEqual([1, 2, 1, 0, 0]);
  });

  it('moves the position of a thread an endorsement counts on, but adds no timeline entry', () => {
    const before = given(submitted, verified);
    const endorsement = endorsed();
    expect(nextThread(endorsement, before)).toStrictEqual({
      ...before,
      endorsements: 1,
      lastPosition: stored(endorsement),
      updatedAt: at.later,
    });
  });

  it.each([
    ['a verification of an unknown thread', verified, false],
    ['an endorsement of an unknown thread', endorsed(), false],
    ['a second submission', submitted, true],
  ] as const)('ignores %s', (_what, e, exists) => {
    expect(nextThread(e, exists ? given(submitted, verified) : undefined)).toBeUndefined();
  });
});
