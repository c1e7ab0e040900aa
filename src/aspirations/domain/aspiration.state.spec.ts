import { AspirationEvent } from './aspiration.events';
import { AspirationState, evolve, initialState } from './aspiration.state';
import {
  assigned,
  at,
  citizen,
  command,
  due,
  given,
  history,
  replied,
  responded,
  resolved,
  submitted,
  verified,
} from './testing/aspiration.fixtures';

const fold = (events: AspirationEvent[]): AspirationState => events.reduce(evolve, initialState);

describe('aspiration state', () => {
  it('starts with nothing', () => {
    expect(initialState).toEqual({ status: 'none' });
  });

  it('remembers the facts of the submission, with its message', () => {
    expect(fold(history.submitted)).toStrictEqual({
      status: 'submitted',
      aspirationId: 'asp-1',
      category: 'infrastruktur',
      regionCode: '62.06.02.1003',
      visibility: 'public',
      anonymous: false,
      submittedBy: citizen.id,
      submittedAt: at.submitted,
      verificationDueAt: due.verification,
      messages: { 'msg-1': { kind: 'submission', hidden: false } },
      escalatedDeadlines: {},
      remindedDeadlines: {},
    });
  });

  it('tracks the agency, its deadline and the first response only', () => {
    const later = {
      ...responded,
      data: { ...responded.data, messageId: 'msg-4', respondedAt: '2026-01-20T03:00:00.000Z' },
    };
    const state = fold([...history.responded, replied, later]);
    expect(state).toMatchObject({
      status: 'in_progress',
      agencyId: 'dinas-pupr',
      followUpDueAt: null,
      firstRespondedAt: at.responded,
      pendingAutoCloseAt: later.data.autoCloseDueAt,
      messages: {
        'msg-1': { kind: 'submission' },
        'msg-2': { kind: 'response' },
        'msg-3': { kind: 'reply' },
        'msg-4': { kind: 'response' },
      },
    });
  });

  it('keeps the follow-up deadline until the agency responds', () => {
    expect(fold(history.inProgress)).toMatchObject({ followUpDueAt: due.followUp, firstRespondedAt: null });
  });

  it('a reply cancels the pending automatic close', () => {
    expect(fold(history.responded)).toMatchObject({ pendingAutoCloseAt: due.autoClose });
    expect(fold([...history.responded, replied])).toMatchObject({ pendingAutoCloseAt: null });
  });

  it('drops the reopen window when reopened, keeping the agency and the first response', () => {
    const reopened = {
      type: 'AspirationReopened' as const,
      data: {
        reason: 'Belum beres',
        reopenedAt: '2026-01-16T03:00:00.000Z',
        followUpDueAt: '2026-01-23T16:59:59.999Z',
      },
    };
    const state = fold([...history.resolved, reopened]);
    expect(state).not.toHaveProperty('reopenUntil');
    expect(state).toMatchObject({
      status: 'in_progress',
      agencyId: 'dinas-pupr',
      followUpDueAt: '2026-01-23T16:59:59.999Z',
      pendingAutoCloseAt: null,
      firstRespondedAt: at.responded,
    });
    const closed = {
      type: 'AspirationClosed' as const,
      data: { reason: 'by_submitter' as const, closedAt: at.resolved, reopenUntil: due.reopenUntil },
    };
    const afterClose = fold([...history.inProgress, closed, reopened]);
    expect(afterClose).not.toHaveProperty('reopenUntil');
    expect(afterClose).not.toHaveProperty('closeReason');
  });

  it('ignores an event that does not fit the status instead of inventing state', () => {
    expect(fold([verified])).toEqual({ status: 'none' });
    expect(fold([submitted, assigned])).toMatchObject({ status: 'submitted' });
    expect(fold([submitted, verified, resolved])).toMatchObject({ status: 'verified' });
    expect(fold([submitted, submitted])).toEqual(fold([submitted]));
  });

  it('fails closed once the submitter was erased: nobody replies as them', () => {
    const erased = { ...submitted, data: { ...submitted.data, submittedBy: null as unknown as string } };
    given([erased, verified, assigned])
      .when(
        command(
          'ReplyToAspiration',
          { messageId: 'msg-3', body: 'Halo' },
          { id: 'null', role: 'citizen' },
          at.replied,
        ),
      )
      .thenError('forbidden', 'submitter_only');
  });
});
