import { CloseReason } from './aspiration.events';
import {
  at,
  citizen,
  closedBySubmitter,
  command,
  due,
  facilitator,
  given,
  healthOfficial,
  history,
  otherCitizen,
  puprOfficial,
  replied,
  resolved,
  system,
} from './testing/aspiration.fixtures';

describe('ResolveAspiration', () => {
  const resolve = (actor = puprOfficial, summary = resolved.data.summary) =>
    command('ResolveAspiration', { summary }, actor, at.resolved);

  it.each([puprOfficial, facilitator])('resolves with a ten-working-day reopen window, by %o', (actor) => {
    given(history.responded).when(resolve(actor)).then([resolved]);
  });

  it.each([healthOfficial, citizen, system])(
    'is for the assigned agency or a facilitator, not %o',
    (actor) => {
      given(history.responded)
        .when(resolve(actor))
        .thenError('forbidden', 'assigned_official_or_facilitator_only');
    },
  );

  it.each([
    ['blank', '  '],
    ['over 5000 characters', 'x'.repeat(5001)],
  ])('names the summary when it is %s', (_label, summary) => {
    given(history.responded)
      .when(resolve(puprOfficial, summary))
      .thenError('invalid', 'invalid_summary', 'summary');
  });
});

describe('RateAspiration', () => {
  const rate = (rating: number, comment?: string, actor = citizen) =>
    command(
      'RateAspiration',
      { rating, ...(comment !== undefined && { comment }) },
      actor,
      '2026-01-16T03:00:00Z',
    );
  const rated = (rating: number, comment?: string) => ({
    type: 'AspirationRated' as const,
    data: { rating, ...(comment !== undefined && { comment }), ratedAt: '2026-01-16T03:00:00.000Z' },
  });

  it.each([1, 5])('rates a resolved aspiration %i', (rating) => {
    given(history.resolved)
      .when(rate(rating))
      .then([rated(rating)]);
  });

  it('rates a closed aspiration, with a trimmed comment', () => {
    given(history.closed)
      .when(rate(4, ' Cepat ditangani '))
      .then([rated(4, 'Cepat ditangani')]);
  });

  it('rates once, even after reopening and resolving again', () => {
    given([...history.resolved, rated(3)])
      .when(rate(5))
      .thenError('conflict', 'already_rated');
    const reopened = {
      type: 'AspirationReopened' as const,
      data: { reason: 'x', reopenedAt: at.resolved, followUpDueAt: due.followUp },
    };
    given([...history.resolved, rated(3), reopened, resolved])
      .when(rate(5))
      .thenError('conflict', 'already_rated');
  });

  it.each([otherCitizen, facilitator, puprOfficial])('is for the submitter only, not %o', (actor) => {
    given(history.resolved)
      .when(rate(5, undefined, actor))
      .thenError('forbidden', 'submitter_only');
  });

  it.each([0, 6, 3.5, NaN])('names the rating when it is %p', (rating) => {
    given(history.resolved).when(rate(rating)).thenError('invalid', 'invalid_rating', 'rating');
  });

  it.each([
    ['blank', ' '],
    ['over 1000 characters', 'x'.repeat(1001)],
  ])('names the comment when it is %s', (_label, comment) => {
    given(history.resolved).when(rate(5, comment)).thenError('invalid', 'invalid_comment', 'comment');
  });
});

describe('ReopenAspiration', () => {
  const reopen = (now: string, actor = citizen, reason = 'Lubang muncul lagi') =>
    command('ReopenAspiration', { reason }, actor, now);
  const lastMoment = due.reopenUntil; // Friday 30 January, 23:59:59.999 WIB

  it.each([
    ['resolved', history.resolved],
    ['closed', history.closed],
  ])(
    'reopens a %s aspiration at the last moment of its window, with a fresh follow-up deadline',
    (_status, events) => {
      given(events)
        .when(reopen(lastMoment))
        .then([
          {
            type: 'AspirationReopened',
            // From Friday 30 January: Mon 2 … Fri 6 February.
            data: {
              reason: 'Lubang muncul lagi',
              reopenedAt: lastMoment,
              followUpDueAt: '2026-02-06T16:59:59.999Z',
            },
          },
        ]);
    },
  );

  it.each([
    ['resolved', history.resolved],
    ['closed', history.closed],
  ])('refuses once the window of a %s aspiration has passed', (_status, events) => {
    given(events).when(reopen('2026-01-30T17:00:00.000Z')).thenError('conflict', 'reopen_window_closed');
  });

  it('returns to the same agency, which must respond again by the new deadline', () => {
    const reopened = {
      type: 'AspirationReopened' as const,
      data: { reason: 'x', reopenedAt: lastMoment, followUpDueAt: '2026-02-06T16:59:59.999Z' },
    };
    const respond = (actor = puprOfficial) =>
      command(
        'RespondToAspiration',
        { messageId: 'msg-5', body: 'Kami cek ulang.' },
        actor,
        '2026-02-02T03:00:00Z',
      );
    given([...history.resolved, reopened])
      .when(respond())
      .then([
        {
          type: 'OfficialResponded',
          data: {
            messageId: 'msg-5',
            body: 'Kami cek ulang.',
            agencyId: 'dinas-pupr',
            respondedAt: '2026-02-02T03:00:00.000Z',
            autoCloseDueAt: '2026-02-16T16:59:59.999Z', // Tue 3 … Fri 6, Mon 9 … Fri 13, Mon 16
          },
        },
      ]);
  });

  it.each([otherCitizen, facilitator, puprOfficial])('is for the submitter only, not %o', (actor) => {
    given(history.resolved).when(reopen(at.resolved, actor)).thenError('forbidden', 'submitter_only');
  });

  it('requires a reason', () => {
    given(history.resolved)
      .when(reopen(at.resolved, citizen, ''))
      .thenError('invalid', 'invalid_reason', 'reason');
  });
});

describe('CloseAspiration', () => {
  const close = (reason: CloseReason | undefined, actor: typeof citizen, now = at.resolved) =>
    command('CloseAspiration', reason === undefined ? {} : { reason }, actor, now);

  it('closes as the submitter or as a facilitator when no reason is given, by who asks', () => {
    given(history.inProgress).when(close(undefined, citizen)).then([closedBySubmitter]);
    given(history.inProgress)
      .when(close(undefined, facilitator))
      .then([{ type: 'AspirationClosed', data: { ...closedBySubmitter.data, reason: 'by_facilitator' } }]);
  });

  it.each([otherCitizen, puprOfficial])('without a reason, is refused to %o', (actor) => {
    given(history.inProgress).when(close(undefined, actor)).thenError('forbidden', 'close_not_allowed');
  });

  it.each([
    ['in progress', history.inProgress],
    ['resolved', history.resolved],
  ])('lets the submitter close an aspiration %s', (_status, events) => {
    given(events).when(close('by_submitter', citizen)).then([closedBySubmitter]);
  });

  it('lets a facilitator close one', () => {
    given(history.inProgress)
      .when(close('by_facilitator', facilitator))
      .then([{ type: 'AspirationClosed', data: { ...closedBySubmitter.data, reason: 'by_facilitator' } }]);
  });

  it.each([
    ['by_submitter', otherCitizen, 'submitter_only'],
    ['by_submitter', facilitator, 'submitter_only'],
    ['by_facilitator', citizen, 'facilitator_only'],
    ['by_facilitator', puprOfficial, 'facilitator_only'],
    ['auto_no_reply', citizen, 'system_only'],
    ['auto_no_reply', facilitator, 'system_only'],
  ] as const)('%s is refused to %o', (reason, actor, code) => {
    given(history.responded).when(close(reason, actor)).thenError('forbidden', code);
  });

  it('names an unknown reason', () => {
    given(history.inProgress)
      .when(close('by_official' as CloseReason, puprOfficial))
      .thenError('invalid', 'invalid_close_reason', 'reason');
  });

  describe('automatically, when a response goes unanswered', () => {
    const afterDue = '2026-01-29T17:00:00.000Z'; // Friday 30 January, 00:00 WIB

    it('closes just after the automatic close is due, with a reopen window from then', () => {
      given(history.responded)
        .when(close('auto_no_reply', system, afterDue))
        // From Friday 30 January: Mon 2 … Fri 6, Mon 9 … Fri 13 February.
        .then([
          {
            type: 'AspirationClosed',
            data: { reason: 'auto_no_reply', closedAt: afterDue, reopenUntil: '2026-02-13T16:59:59.999Z' },
          },
        ]);
    });

    it('also closes a resolved aspiration whose response went unanswered', () => {
      given(history.resolved)
        .when(close('auto_no_reply', system, afterDue))
        .then([
          {
            type: 'AspirationClosed',
            data: { reason: 'auto_no_reply', closedAt: afterDue, reopenUntil: '2026-02-13T16:59:59.999Z' },
          },
        ]);
    });

    it('waits until the due instant has passed', () => {
      given(history.responded)
        .when(close('auto_no_reply', system, due.autoClose))
        .thenError('conflict', 'auto_close_not_due');
    });

    it('is cancelled by a reply from the submitter', () => {
      given([...history.responded, replied])
        .when(close('auto_no_reply', system, afterDue))
        .thenError('conflict', 'no_reply_pending');
    });

    it('needs an official response in the first place', () => {
      given(history.inProgress)
        .when(close('auto_no_reply', system, afterDue))
        .thenError('conflict', 'no_reply_pending');
    });

    it('is re-armed by a later response, counting from it', () => {
      const again = {
        type: 'OfficialResponded' as const,
        data: {
          messageId: 'msg-4',
          body: 'Sudah ditambal?',
          agencyId: 'dinas-pupr',
          respondedAt: '2026-01-19T03:00:00.000Z',
          autoCloseDueAt: '2026-02-02T16:59:59.999Z',
        },
      };
      given([...history.responded, replied, again])
        .when(close('auto_no_reply', system, afterDue))
        .thenError('conflict', 'auto_close_not_due');
      given([...history.responded, replied, again])
        .when(close('auto_no_reply', system, '2026-02-02T17:00:00.000Z'))
        // From Tuesday 3 February: Wed 4 … Fri 6, Mon 9 … Fri 13, Mon 16, (Tue 17 Imlek) Wed 18.
        .then([
          {
            type: 'AspirationClosed',
            data: {
              reason: 'auto_no_reply',
              closedAt: '2026-02-02T17:00:00.000Z',
              reopenUntil: '2026-02-18T16:59:59.999Z',
            },
          },
        ]);
    });
  });
});
