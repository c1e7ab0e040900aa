import { AspirationEvent, EscalationStage } from '../../src/aspirations/domain/aspiration.events';
import { ThreadDocument } from '../../src/aspirations/read-models/thread.document';
import { Actor } from '../../src/platform/domain/decider';
import { ProjectedEvent } from '../runner/projection';
import { nextThread } from '../../src/aspirations/read-models/thread-fold';
import { citizen, facilitator, pupr, submission, system } from './testing/projection-fixtures';

// prettier-ignore
const due = {
  verification: '2026-01-14T16:59:59.999Z', followUp: '2026-01-20T16:59:59.999Z',
  parentFollowUp: '2026-01-28T16:59:59.999Z', autoClose: '2026-02-04T16:59:59.999Z',
  reopenUntil: '2026-02-05T16:59:59.999Z',
};
const ms = (iso: string) => Date.parse(iso);

type DataOf<T extends AspirationEvent['type']> = Extract<AspirationEvent, { type: T }>['data'];
let position = 2000n;
function event<T extends AspirationEvent['type']>(
  type: T,
  actor: Actor,
  data: DataOf<T>,
  occurredAt: string,
): ProjectedEvent {
  position += 1n;
  return { type, data: { ...data }, stream: 'aspiration-asp-1', position, actor, occurredAt };
}

const reminded = (stage: EscalationStage, dueAt: string, remindedAt: string) =>
  event('DeadlineReminderIssued', system, { stage, dueAt, remindedAt }, remindedAt);

// One story past every deadline, in order, as the scheduler and the people in it would write it.
// prettier-ignore
const story = {
  submitted: event('AspirationSubmitted', citizen, submission, submission.submittedAt),
  verificationReminded: reminded('verification', due.verification, '2026-01-13T17:00:00.000Z'),
  verificationEscalated: event('AspirationEscalated', system,
    { stage: 'verification', toAgencyId: null, escalatedAt: '2026-01-14T17:00:00.000Z' }, '2026-01-14T17:00:00.000Z'),
  verified: event('AspirationVerified', facilitator, { verifiedAt: '2026-01-15T02:00:00.000Z' }, '2026-01-15T02:00:00.000Z'),
  assigned: event('AspirationAssigned', facilitator, { agencyId: 'dinas-pupr',
    assignedAt: '2026-01-15T03:00:00.000Z', followUpDueAt: due.followUp }, '2026-01-15T03:00:00.000Z'),
  responseReminded: reminded('response', due.followUp, '2026-01-19T17:00:00.000Z'),
  toParent: event('AspirationEscalated', system, { stage: 'response', fromAgencyId: 'dinas-pupr',
    toAgencyId: 'pemkab-katingan', escalatedAt: '2026-01-20T17:00:00.000Z', followUpDueAt: due.parentFollowUp },
    '2026-01-20T17:00:00.000Z'),
  responded: event('OfficialResponded', pupr, { messageId: 'msg-2', body: 'Kami tangani.',
    agencyId: 'pemkab-katingan', respondedAt: '2026-01-21T03:00:00.000Z', autoCloseDueAt: due.autoClose },
    '2026-01-21T03:00:00.000Z'),
  resolved: event('AspirationResolved', pupr, { summary: 'Sudah ditambal.',
    resolvedAt: '2026-01-22T03:00:00.000Z', reopenUntil: due.reopenUntil }, '2026-01-22T03:00:00.000Z'),
  closed: event('AspirationClosed', system, { reason: 'auto_no_reply', closedAt: '2026-02-04T17:00:00.000Z',
    reopenUntil: due.reopenUntil }, '2026-02-04T17:00:00.000Z'),
};
const { submitted, verificationReminded, verificationEscalated, verified, assigned } = story;
const { responseReminded, toParent, responded, resolved, closed } = story;

function given(...events: ProjectedEvent[]): ThreadDocument {
  return events.reduce<ThreadDocument | undefined>((thread, e) => {
    const next = nextThread(e, thread);
    if (!next) throw new Error(`${e.type} does not fit the story`);
    return next;
  }, undefined)!;
}

const work = (thread: ThreadDocument) => ({
  remindBeforeMs: thread.remindBeforeMs,
  escalateAfterMs: thread.escalateAfterMs,
  autoCloseAfterMs: thread.autoCloseAfterMs,
});

describe('thread projection: what the deadline scheduler has yet to do', () => {
  it('waits to remind of and escalate the verification deadline of a new thread', () => {
    expect(work(given(submitted))).toEqual({
      remindBeforeMs: ms(due.verification),
      escalateAfterMs: ms(due.verification),
      autoCloseAfterMs: null,
    });
  });

  it('reminds of a deadline once, then only waits to escalate it', () => {
    const thread = given(submitted, verificationReminded);
    expect(work(thread)).toMatchObject({ remindBeforeMs: null, escalateAfterMs: ms(due.verification) });
    expect(thread.remindedDeadlines).toEqual({ verification: due.verification });
    expect(thread.timeline.at(-1)).toStrictEqual({
      type: 'DeadlineReminderIssued',
      at: '2026-01-13T17:00:00.000Z',
      status: 'submitted',
      position: String(verificationReminded.position),
    });
  });

  it('escalates a missed deadline once, and nothing is left to do for it', () => {
    const thread = given(submitted, verificationReminded, verificationEscalated);
    expect(work(thread)).toEqual({ remindBeforeMs: null, escalateAfterMs: null, autoCloseAfterMs: null });
    expect(thread.escalatedDeadlines).toEqual({ verification: due.verification });
  });

  it('has nothing to do while the thread waits on nobody, and a fresh deadline once assigned', () => {
    expect(work(given(submitted, verified))).toEqual({
      remindBeforeMs: null,
      escalateAfterMs: null,
      autoCloseAfterMs: null,
    });
    const life = [submitted, verificationReminded, verificationEscalated, verified, assigned];
    expect(work(given(...life))).toEqual({
      remindBeforeMs: ms(due.followUp),
      escalateAfterMs: ms(due.followUp),
      autoCloseAfterMs: null,
    });
  });

  it('gives the parent agency its own reminder and escalation after a handover', () => {
    const thread = given(submitted, verified, assigned, responseReminded, toParent);
    expect(work(thread)).toEqual({
      remindBeforeMs: ms(due.parentFollowUp),
      escalateAfterMs: ms(due.parentFollowUp),
      autoCloseAfterMs: null,
    });
    expect(thread.escalatedDeadlines).toEqual({ response: due.followUp });
    expect(thread.remindedDeadlines).toEqual({ response: due.followUp });
  });

  it('stops escalating once the facilitators alone were alerted', () => {
    const alerted = event(
      'AspirationEscalated',
      system,
      {
        stage: 'response',
        fromAgencyId: 'dinas-pupr',
        toAgencyId: null,
        escalatedAt: '2026-01-20T17:00:00.000Z',
      },
      '2026-01-20T17:00:00.000Z',
    );
    expect(work(given(submitted, verified, assigned, alerted))).toMatchObject({ escalateAfterMs: null });
  });

  it('waits to close automatically from a response on, resolved or not, until closed', () => {
    const answered = [submitted, verified, assigned, toParent, responded];
    const pending = { remindBeforeMs: null, escalateAfterMs: null, autoCloseAfterMs: ms(due.autoClose) };
    expect(work(given(...answered))).toEqual(pending);
    expect(work(given(...answered, resolved))).toEqual(pending);
    expect(work(given(...answered, resolved, closed))).toMatchObject({ autoCloseAfterMs: null });
  });

  it('fills the fields in on the next event of a thread written before the scheduler existed', () => {
    const { remindedDeadlines: _r, escalatedDeadlines: _e, ...older } = given(submitted, verified, assigned);
    const { remindBeforeMs: _rb, escalateAfterMs: _ea, autoCloseAfterMs: _ac, ...old } = older;
    const thread = nextThread(responseReminded, old as ThreadDocument)!;
    expect(thread.remindedDeadlines).toEqual({ response: due.followUp });
    expect(work(thread)).toEqual({
      remindBeforeMs: null,
      escalateAfterMs: ms(due.followUp),
      autoCloseAfterMs: null,
    });
  });
});
