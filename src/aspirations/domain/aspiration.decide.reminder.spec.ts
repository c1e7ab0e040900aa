import { Actor } from '../../platform/domain/decider';
import { AspirationEscalated, DeadlineReminderIssued, EscalationStage } from './aspiration.events';
import {
  citizen,
  command,
  decider,
  due,
  facilitator,
  given,
  history,
  puprOfficial,
  replied,
  system,
} from './testing/aspiration.fixtures';

const remind = (stage: EscalationStage, dueAt: string, now: string, actor: Actor = system) =>
  command('RemindOfDeadline', { stage, dueAt }, actor, now);

const reminder = (stage: EscalationStage, dueAt: string, remindedAt: string): DeadlineReminderIssued => ({
  type: 'DeadlineReminderIssued',
  data: { stage, dueAt, remindedAt },
});

describe('RemindOfDeadline: verification', () => {
  const dayBefore = '2026-01-13T17:00:00.000Z'; // Wednesday 14 January, 00:00 WIB: the due day begins

  it('reminds the facilitators of an open verification deadline', () => {
    given(history.submitted)
      .when(remind('verification', due.verification, dayBefore))
      .then([reminder('verification', due.verification, dayBefore)]);
  });

  it('reminds up to the due instant itself, never after it (a passed deadline is escalated)', () => {
    given(history.submitted)
      .when(remind('verification', due.verification, due.verification))
      .then([reminder('verification', due.verification, due.verification)]);
    given(history.submitted)
      .when(remind('verification', due.verification, '2026-01-14T17:00:00.000Z'))
      .thenError('conflict', 'deadline_passed');
  });

  it('reminds of a deadline once', () => {
    given([...history.submitted, reminder('verification', due.verification, dayBefore)])
      .when(remind('verification', due.verification, '2026-01-14T03:00:00.000Z'))
      .thenError('conflict', 'already_reminded');
  });

  it('has nothing to remind of once verified', () => {
    given(history.verified)
      .when(remind('verification', due.verification, dayBefore))
      .thenError('conflict', 'invalid_transition');
  });

  it('refuses a deadline the aspiration does not wait on, naming the one it does', () => {
    given(history.submitted)
      .when(remind('verification', '2026-01-13T16:59:59.999Z', dayBefore))
      .thenError('conflict', 'deadline_changed');
  });
});

describe('RemindOfDeadline: response', () => {
  const dayBefore = '2026-01-19T17:00:00.000Z'; // Tuesday 20 January, 00:00 WIB

  it('reminds the assigned agency of its response deadline', () => {
    given(history.inProgress)
      .when(remind('response', due.followUp, dayBefore))
      .then([reminder('response', due.followUp, dayBefore)]);
  });

  it('has nothing to remind of once the agency responded, even if the citizen replied since', () => {
    given([...history.responded, replied])
      .when(remind('response', due.followUp, dayBefore))
      .thenError('conflict', 'already_responded');
  });

  it('reminds the parent agency of its own fresh deadline after a handover', () => {
    const afterDue = '2026-01-21T01:00:00.000Z';
    const toParent: AspirationEscalated = {
      type: 'AspirationEscalated',
      data: {
        ...{ stage: 'response', fromAgencyId: 'dinas-pupr', toAgencyId: 'pemkab-katingan' },
        ...{ escalatedAt: afterDue, followUpDueAt: '2026-01-28T16:59:59.999Z' },
      },
    };
    const reminded = [...history.inProgress, reminder('response', due.followUp, dayBefore), toParent];
    const later = '2026-01-27T17:00:00.000Z';
    given(reminded)
      .when(remind('response', due.followUp, dayBefore))
      .thenError('conflict', 'deadline_changed');
    given(reminded)
      .when(remind('response', '2026-01-28T16:59:59.999Z', later))
      .then([reminder('response', '2026-01-28T16:59:59.999Z', later)]);
  });

  it('only reminds an aspiration in progress', () => {
    given(history.resolved)
      .when(remind('response', due.followUp, dayBefore))
      .thenError('conflict', 'invalid_transition');
  });
});

describe('RemindOfDeadline: who and which stage', () => {
  it.each([facilitator, puprOfficial])('is for the platform only, not %o', (actor) => {
    given(history.inProgress)
      .when(remind('response', due.followUp, '2026-01-19T17:00:00.000Z', actor))
      .thenError('forbidden', 'system_only');
  });

  it('is refused to the submitter, and does not exist for a stranger', () => {
    given(history.submitted)
      .when(remind('verification', due.verification, '2026-01-13T17:00:00.000Z', citizen))
      .thenError('forbidden', 'system_only');
    given(history.submitted)
      .when(remind('verification', due.verification, '2026-01-13T17:00:00.000Z', puprOfficial))
      .thenError('not_found', 'aspiration_not_found');
  });

  it('names an unknown stage', () => {
    given(history.inProgress)
      .when(remind('closing' as EscalationStage, due.followUp, '2026-01-19T17:00:00.000Z'))
      .thenError('invalid', 'invalid_stage', 'stage');
  });

  it('changes nothing but the reminder record: status and deadlines stay', () => {
    const before = history.inProgress.reduce(decider.evolve, decider.initialState);
    const after = decider.evolve(before, reminder('response', due.followUp, '2026-01-19T17:00:00.000Z'));
    expect(after).toStrictEqual({ ...before, remindedDeadlines: { response: due.followUp } });
  });
});
