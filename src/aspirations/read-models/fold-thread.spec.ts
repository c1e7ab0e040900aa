import fc from 'fast-check';
import {
  citizen,
  facilitator,
  pupr,
  submission,
  system,
} from '../../../projections/aspirations/testing/projection-fixtures';
import { Actor } from '../../platform/domain/decider';
import { ProjectedEvent } from '../../platform/read-models/projected-event';
import { foldThread, nextThread } from './thread-fold';
import { ThreadDocument } from './thread.document';

// The as-of detail folds with foldThread, the projection with nextThread: for any order of any events, they agree.

const at = '2026-01-14T03:00:00.000Z';
const later = '2026-01-28T16:59:59.999Z';

/** Every kind of event a thread meets, some of them out of place (ignored alike by both). */
const kinds: Record<string, [string, Actor, Record<string, unknown>]> = {
  submitted: ['AspirationSubmitted', citizen, { ...submission }],
  anonymous: ['AspirationSubmitted', citizen, { ...submission, anonymous: true }],
  verified: ['AspirationVerified', facilitator, { verifiedAt: at }],
  rejected: ['AspirationRejected', facilitator, { reason: 'Bukan kewenangan', rejectedAt: at }],
  assigned: [
    'AspirationAssigned',
    facilitator,
    { agencyId: 'dinas-pupr', assignedAt: at, followUpDueAt: later },
  ],
  forwarded: [
    'AspirationForwarded',
    pupr,
    {
      fromAgencyId: 'dinas-pupr',
      toAgencyId: 'dinas-perkim',
      reason: 'Jalan desa',
      forwardedAt: at,
      followUpDueAt: later,
    },
  ],
  responded: [
    'OfficialResponded',
    pupr,
    {
      messageId: 'msg-2',
      body: 'Kami tinjau.',
      agencyId: 'dinas-pupr',
      respondedAt: at,
      autoCloseDueAt: later,
    },
  ],
  replied: ['CitizenReplied', citizen, { messageId: 'msg-3', body: 'Terima kasih.', repliedAt: at }],
  hideSubmission: [
    'MessageHidden',
    facilitator,
    { messageId: 'msg-1', reason: 'Data pribadi', hiddenAt: at },
  ],
  hideResponse: ['MessageHidden', facilitator, { messageId: 'msg-2', reason: 'Tidak pantas', hiddenAt: at }],
  resolved: ['AspirationResolved', pupr, { summary: 'Sudah ditambal.', resolvedAt: at, reopenUntil: later }],
  rated: ['AspirationRated', citizen, { rating: 4, ratedAt: at }],
  reopened: ['AspirationReopened', citizen, { reason: 'Rusak lagi', reopenedAt: at, followUpDueAt: later }],
  closed: ['AspirationClosed', system, { reason: 'auto_no_reply', closedAt: at, reopenUntil: later }],
  escalated: [
    'AspirationEscalated',
    system,
    {
      stage: 'response',
      fromAgencyId: 'dinas-pupr',
      toAgencyId: 'pemkab',
      escalatedAt: at,
      followUpDueAt: later,
    },
  ],
  escalatedNowhere: [
    'AspirationEscalated',
    system,
    { stage: 'response', fromAgencyId: 'dinas-pupr', toAgencyId: null, escalatedAt: at },
  ],
  escalatedVerification: [
    'AspirationEscalated',
    system,
    { stage: 'verification', toAgencyId: null, escalatedAt: at },
  ],
  remindedVerification: [
    'DeadlineReminderIssued',
    system,
    { stage: 'verification', dueAt: submission.verificationDueAt, remindedAt: at },
  ],
  remindedResponse: ['DeadlineReminderIssued', system, { stage: 'response', dueAt: later, remindedAt: at }],
  endorsed: ['AspirationEndorsed', citizen, { aspirationId: 'asp-1', endorsedAt: at }],
  withdrawn: ['EndorsementWithdrawn', citizen, { aspirationId: 'asp-1', withdrawnAt: at }],
};

const eventsOf = (names: readonly string[]): ProjectedEvent[] =>
  names.map((name, i) => {
    const [type, actor, data] = kinds[name];
    return { type, data, stream: 'aspiration-asp-1', position: BigInt(i + 1), actor, occurredAt: at };
  });

const stepByStep = (events: readonly ProjectedEvent[]) =>
  events.reduce<ThreadDocument | undefined>((thread, e) => nextThread(e, thread) ?? thread, undefined);

describe('foldThread', () => {
  it('leaves a thread as nextThread applied event by event does, for any sequence of events', () => {
    const names = fc.array(fc.constantFrom(...Object.keys(kinds)), { maxLength: 40 });
    fc.assert(
      fc.property(names, (sequence) => {
        const events = eventsOf(['submitted', ...sequence]);
        expect(foldThread(events)).toStrictEqual(stepByStep(events));
      }),
      { numRuns: 300 },
    );
  });

  it('folds nothing into no thread, and ignores what comes before a submission', () => {
    expect(foldThread([])).toBeUndefined();
    expect(foldThread(eventsOf(['verified', 'endorsed']))).toBeUndefined();
  });

  it('marks as erased the people the check names, as the projection does', () => {
    const erased = foldThread(
      eventsOf(['submitted', 'verified', 'assigned', 'replied']),
      (id) => id === citizen.id,
    );
    expect(erased).toMatchObject({ submittedBy: null, submitterErased: true });
    expect(erased!.messages.map((m) => m.actor)).toEqual([
      { id: null, role: 'citizen', erased: true },
      { id: null, role: 'citizen', erased: true },
    ]);
  });
});
