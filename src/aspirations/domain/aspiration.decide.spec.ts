import { audienceOf } from '../aspiration-access';
import { Actor } from '../../platform/domain/decider';
import { DomainError } from '../../platform/domain/domain-errors';
import { AspirationCommand } from './aspiration.commands';
import { AspirationEvent } from './aspiration.events';
import { AspirationStatus } from './aspiration.state';
import {
  admin,
  at,
  auditor,
  citizen,
  command,
  decider,
  due,
  facilitator,
  given,
  history,
  puprOfficial,
  system,
} from './testing/aspiration.fixtures';

const histories: Record<AspirationStatus, AspirationEvent[]> = {
  none: history.none,
  submitted: history.submitted,
  verified: history.verified,
  rejected: history.rejected,
  in_progress: history.inProgress,
  resolved: history.resolved,
  closed: history.closed,
};
const statuses = Object.keys(histories) as AspirationStatus[];
/** Whether the actor may see an aspiration in this status (nothing to see before submission). */
const seenBy = (actor: Actor, status: AspirationStatus): boolean => {
  const state = histories[status].reduce(decider.evolve, decider.initialState);
  return actor.role === 'system' || state.status === 'none' || audienceOf(actor, state) !== undefined;
};
const afterEveryDeadline = '2026-01-21T01:00:00.000Z'; // past verification and follow-up, inside the reopen window

interface Row {
  command: AspirationCommand;
  allowedIn: AspirationStatus[];
  emits: AspirationEvent['type'];
}

// Each command with an actor allowed to send it and valid data, so only the status can refuse it.
const rows: Row[] = [
  {
    command: command(
      'SubmitAspiration',
      {
        ...{
          aspirationId: 'asp-1',
          messageId: 'msg-1',
          title: 'Jalan rusak',
          body: 'Jalan berlubang besar.',
        },
        ...{ category: 'infrastruktur', regionCode: '62.06.02.1003', visibility: 'public', anonymous: false },
      },
      citizen,
      at.submitted,
    ),
    allowedIn: ['none'],
    emits: 'AspirationSubmitted',
  },
  {
    command: command('VerifyAspiration', {}, facilitator, at.verified),
    allowedIn: ['submitted'],
    emits: 'AspirationVerified',
  },
  {
    command: command('RejectAspiration', { reason: 'Spam' }, facilitator, at.verified),
    allowedIn: ['submitted'],
    emits: 'AspirationRejected',
  },
  {
    command: command('AssignAspiration', { agencyId: 'dinas-pupr' }, facilitator, at.assigned),
    allowedIn: ['verified'],
    emits: 'AspirationAssigned',
  },
  {
    command: command(
      'ForwardAspiration',
      { toAgencyId: 'dinas-sosial', reason: 'Bantuan' },
      facilitator,
      at.responded,
    ),
    allowedIn: ['in_progress'],
    emits: 'AspirationForwarded',
  },
  {
    command: command(
      'RespondToAspiration',
      { messageId: 'msg-8', body: 'Kami cek.' },
      puprOfficial,
      at.responded,
    ),
    allowedIn: ['in_progress'],
    emits: 'OfficialResponded',
  },
  {
    command: command('ReplyToAspiration', { messageId: 'msg-8', body: 'Terima kasih.' }, citizen, at.replied),
    allowedIn: ['in_progress'],
    emits: 'CitizenReplied',
  },
  {
    command: command('ResolveAspiration', { summary: 'Sudah diperbaiki.' }, facilitator, at.resolved),
    allowedIn: ['in_progress'],
    emits: 'AspirationResolved',
  },
  {
    command: command('RateAspiration', { rating: 5 }, citizen, at.resolved),
    allowedIn: ['resolved', 'closed'],
    emits: 'AspirationRated',
  },
  {
    command: command('ReopenAspiration', { reason: 'Rusak lagi' }, citizen, afterEveryDeadline),
    allowedIn: ['resolved', 'closed'],
    emits: 'AspirationReopened',
  },
  {
    command: command('CloseAspiration', { reason: 'by_submitter' }, citizen, at.resolved),
    allowedIn: ['in_progress', 'resolved'],
    emits: 'AspirationClosed',
  },
  {
    command: command('HideMessage', { messageId: 'msg-1', reason: 'Data pribadi' }, facilitator, at.resolved),
    allowedIn: ['submitted', 'verified', 'rejected', 'in_progress', 'resolved', 'closed'],
    emits: 'MessageHidden',
  },
  {
    command: command(
      'EscalateAspiration',
      { stage: 'verification', toAgencyId: null },
      system,
      afterEveryDeadline,
    ),
    allowedIn: ['submitted'],
    emits: 'AspirationEscalated',
  },
  {
    command: command(
      'EscalateAspiration',
      { stage: 'response', toAgencyId: null },
      system,
      afterEveryDeadline,
    ),
    allowedIn: ['in_progress'],
    emits: 'AspirationEscalated',
  },
  {
    command: command(
      'RemindOfDeadline',
      { stage: 'verification', dueAt: due.verification },
      system,
      at.verified,
    ),
    allowedIn: ['submitted'],
    emits: 'DeadlineReminderIssued',
  },
  {
    command: command('RemindOfDeadline', { stage: 'response', dueAt: due.followUp }, system, at.responded),
    allowedIn: ['in_progress'],
    emits: 'DeadlineReminderIssued',
  },
];

const label = (row: Row) =>
  row.command.type === 'EscalateAspiration' || row.command.type === 'RemindOfDeadline'
    ? `${row.command.type}(${row.command.data.stage})`
    : row.command.type;

const allowedCases = rows.flatMap((row) => row.allowedIn.map((status) => [label(row), status, row] as const));
const refusedCases = rows.flatMap((row) =>
  statuses
    .filter((status) => !row.allowedIn.includes(status))
    .map((status) => [label(row), status, row] as const),
);

describe('aspiration lifecycle', () => {
  it('covers every command', () => {
    const covered = new Set(rows.map((row) => row.command.type));
    expect(covered.size).toBe(14);
  });

  it.each(allowedCases)('%s is accepted when %s', (_label, status, row) => {
    const events = decider.decide(
      row.command,
      histories[status].reduce(decider.evolve, decider.initialState),
    );
    expect(events.map((event) => event.type)).toEqual([row.emits]);
  });

  it.each(refusedCases)('%s is refused when %s', (_label, status, row) => {
    const then = given(histories[status]).when(row.command);
    if (status === 'none' || !seenBy(row.command.metadata.actor, status))
      then.thenError('not_found', 'aspiration_not_found');
    else if (row.command.type === 'SubmitAspiration') then.thenError('conflict', 'aspiration_already_exists');
    else then.thenError('conflict', 'invalid_transition');
  });

  // Auditors read everything and admins manage accounts; neither takes part in a conversation. An admin
  // sees no unpublished thread, so for them it does not exist.
  it.each(
    allowedCases.flatMap(([name, status, row]) =>
      [auditor, admin].map((actor) => [name, status, actor, row] as const),
    ),
  )('%s in %s is refused to %o', (_label, status, actor: Actor, row) => {
    const state = histories[status].reduce(decider.evolve, decider.initialState);
    const withActor = { ...row.command, metadata: { ...row.command.metadata, actor } };
    let caught: unknown;
    try {
      decider.decide(withActor, state);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).kind).toBe(seenBy(actor, status) ? 'forbidden' : 'not_found');
  });
});
