import { Actor } from '../../platform/domain/decider';
import { AspirationEscalated, EscalationStage } from './aspiration.events';
import {
  at,
  citizen,
  command,
  due,
  facilitator,
  given,
  history,
  puprOfficial,
  replied,
  resolved,
  system,
} from './testing/aspiration.fixtures';

const escalate = (stage: EscalationStage, toAgencyId: string | null, now: string, actor: Actor = system) =>
  command('EscalateAspiration', { stage, toAgencyId }, actor, now);

describe('EscalateAspiration: verification', () => {
  const afterDue = '2026-01-14T17:00:00.000Z'; // Thursday 15 January, 00:00 WIB
  const escalated: AspirationEscalated = {
    type: 'AspirationEscalated',
    data: { stage: 'verification', toAgencyId: null, escalatedAt: afterDue },
  };

  it.each([system, facilitator])('alerts the facilitators once verification is overdue, by %o', (actor) => {
    given(history.submitted)
      .when(escalate('verification', null, afterDue, actor))
      .then([escalated]);
  });

  it('waits until the due instant has passed', () => {
    given(history.submitted)
      .when(escalate('verification', null, due.verification))
      .thenError('conflict', 'deadline_not_passed');
  });

  it('escalates a missed deadline once', () => {
    given([...history.submitted, escalated])
      .when(escalate('verification', null, '2026-01-20T03:00:00.000Z'))
      .thenError('conflict', 'already_escalated');
  });

  it('never hands an unverified aspiration to an agency', () => {
    given(history.submitted)
      .when(escalate('verification', 'diskominfo', afterDue))
      .thenError('invalid', 'escalation_target_not_allowed', 'toAgencyId');
  });

  it('has nothing to escalate once verified', () => {
    given(history.verified)
      .when(escalate('verification', null, afterDue))
      .thenError('conflict', 'invalid_transition');
  });
});

describe('EscalateAspiration: response', () => {
  const afterDue = '2026-01-21T01:00:00.000Z'; // Wednesday 21 January, 08:00 WIB
  const toParent: AspirationEscalated = {
    type: 'AspirationEscalated',
    data: {
      stage: 'response',
      fromAgencyId: 'dinas-pupr',
      toAgencyId: 'pemkab-katingan',
      escalatedAt: afterDue,
      followUpDueAt: '2026-01-28T16:59:59.999Z', // Thu 22, Fri 23, Mon 26 … Wed 28
    },
  };
  const toFacilitators: AspirationEscalated = {
    type: 'AspirationEscalated',
    data: { stage: 'response', fromAgencyId: 'dinas-pupr', toAgencyId: null, escalatedAt: afterDue },
  };

  it('hands an unanswered aspiration to the parent agency with a fresh deadline', () => {
    given(history.inProgress)
      .when(escalate('response', 'pemkab-katingan', afterDue))
      .then([toParent]);
  });

  it('without a parent agency, alerts the facilitators and leaves the agency in charge', () => {
    given(history.inProgress)
      .when(escalate('response', null, afterDue, facilitator))
      .then([toFacilitators]);
  });

  it('waits until the due instant has passed', () => {
    given(history.inProgress)
      .when(escalate('response', 'pemkab-katingan', due.followUp))
      .thenError('conflict', 'deadline_not_passed');
  });

  it('escalates a missed deadline once', () => {
    given([...history.inProgress, toFacilitators])
      .when(escalate('response', 'pemkab-katingan', '2026-01-22T01:00:00.000Z'))
      .thenError('conflict', 'already_escalated');
  });

  it('escalates again only when the parent misses its own deadline', () => {
    const history2 = [...history.inProgress, toParent];
    given(history2)
      .when(escalate('response', 'gubernur', afterDue))
      .thenError('conflict', 'deadline_not_passed');
    const later = '2026-01-28T17:00:00.000Z'; // Thursday 29 January, 00:00 WIB
    given(history2)
      .when(escalate('response', 'gubernur', later))
      .then([
        {
          type: 'AspirationEscalated',
          data: {
            stage: 'response',
            fromAgencyId: 'pemkab-katingan',
            toAgencyId: 'gubernur',
            escalatedAt: later,
            followUpDueAt: '2026-02-05T16:59:59.999Z', // Fri 30, Mon 2 … Thu 5
          },
        },
      ]);
  });

  it('gives the aspiration to the parent agency: its officials respond, the old agency’s no longer', () => {
    const respond = (actor: Actor) =>
      command('RespondToAspiration', { messageId: 'msg-7', body: 'Kami ambil alih.' }, actor, afterDue);
    const parentOfficial: Actor = { id: 'official-9', role: 'official:pemkab-katingan' };
    given([...history.inProgress, toParent])
      .when(respond(puprOfficial))
      .thenError('forbidden', 'assigned_official_only');
    given([...history.inProgress, toParent])
      .when(respond(parentOfficial))
      .then([
        {
          type: 'OfficialResponded',
          data: {
            messageId: 'msg-7',
            body: 'Kami ambil alih.',
            agencyId: 'pemkab-katingan',
            respondedAt: afterDue,
            autoCloseDueAt: '2026-02-04T16:59:59.999Z', // Thu 22 … Fri 23, Mon 26 … Fri 30, Mon 2 … Wed 4
          },
        },
      ]);
  });

  it('has nothing to escalate once the agency responded, even if the citizen replied since', () => {
    given([...history.responded, replied])
      .when(escalate('response', 'pemkab-katingan', afterDue))
      .thenError('conflict', 'already_responded');
  });

  it('counts from a forward: the new agency has its own deadline', () => {
    const forwarded = {
      type: 'AspirationForwarded' as const,
      data: {
        ...{ fromAgencyId: 'dinas-pupr', toAgencyId: 'dinas-kesehatan', reason: 'Bukan jalan kabupaten' },
        ...{ forwardedAt: '2026-01-20T03:00:00.000Z', followUpDueAt: '2026-01-27T16:59:59.999Z' },
      },
    };
    given([...history.inProgress, forwarded])
      .when(escalate('response', 'pemkab-katingan', afterDue))
      .thenError('conflict', 'deadline_not_passed');
  });

  it('counts from a reopening: the agency must respond again in time', () => {
    const reopenedAt = '2026-01-16T03:00:00.000Z';
    const reopened = {
      type: 'AspirationReopened' as const,
      data: { reason: 'Belum beres', reopenedAt, followUpDueAt: '2026-01-23T16:59:59.999Z' },
    };
    given([...history.responded, resolved, reopened])
      .when(escalate('response', null, '2026-01-23T17:00:00.000Z'))
      .then([
        {
          type: 'AspirationEscalated',
          data: {
            stage: 'response',
            fromAgencyId: 'dinas-pupr',
            toAgencyId: null,
            escalatedAt: '2026-01-23T17:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses the agency already in charge, and names a blank one', () => {
    given(history.inProgress)
      .when(escalate('response', 'dinas-pupr', afterDue))
      .thenError('invalid', 'same_agency', 'toAgencyId');
    given(history.inProgress)
      .when(escalate('response', ' ', afterDue))
      .thenError('invalid', 'invalid_agency_id', 'toAgencyId');
  });

  it('only escalates an aspiration in progress', () => {
    given(history.submitted)
      .when(escalate('response', null, afterDue))
      .thenError('conflict', 'invalid_transition');
  });
});

describe('EscalateAspiration: who and which stage', () => {
  it('is for the platform or a facilitator, not the submitter', () => {
    given(history.submitted)
      .when(escalate('verification', null, at.resolved, citizen))
      .thenError('forbidden', 'system_or_facilitator_only');
  });

  it('does not exist for an official before it is verified', () => {
    given(history.submitted)
      .when(escalate('verification', null, at.resolved, puprOfficial))
      .thenError('not_found', 'aspiration_not_found');
  });

  it('names an unknown stage', () => {
    given(history.inProgress)
      .when(escalate('closing' as EscalationStage, null, at.resolved))
      .thenError('invalid', 'invalid_stage', 'stage');
  });
});
