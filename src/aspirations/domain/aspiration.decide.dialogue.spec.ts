import { AspirationEvent, AspirationForwarded, MessageHidden } from './aspiration.events';
import {
  at,
  citizen,
  command,
  facilitator,
  given,
  healthOfficial,
  history,
  otherCitizen,
  puprOfficial,
  replied,
  responded,
  system,
} from './testing/aspiration.fixtures';

const forwardedAt = '2026-01-13T03:00:00.000Z'; // Tuesday
const forwarded: AspirationForwarded = {
  type: 'AspirationForwarded',
  data: {
    fromAgencyId: 'dinas-pupr',
    toAgencyId: 'dinas-kesehatan',
    reason: 'Genangan air menjadi sarang nyamuk',
    forwardedAt,
    followUpDueAt: '2026-01-21T16:59:59.999Z', // Wed 14, Thu 15, Mon 19, Tue 20, Wed 21
  },
};

describe('ForwardAspiration', () => {
  const forward = (actor = puprOfficial, data: object = {}) =>
    command(
      'ForwardAspiration',
      { toAgencyId: 'dinas-kesehatan', reason: 'Genangan air menjadi sarang nyamuk', ...data },
      actor,
      forwardedAt,
    );

  it.each([puprOfficial, facilitator])('forwards with a fresh follow-up deadline, by %o', (actor) => {
    given(history.inProgress).when(forward(actor)).then([forwarded]);
  });

  it('hands the aspiration over: the new agency responds, the old one no longer may', () => {
    const respond = (actor = healthOfficial) =>
      command(
        'RespondToAspiration',
        { messageId: 'msg-9', body: 'Kami tangani.' },
        actor,
        '2026-01-14T03:00:00Z',
      );
    given([...history.inProgress, forwarded])
      .when(respond())
      .then([
        {
          type: 'OfficialResponded',
          data: { ...responded.data, messageId: 'msg-9', body: 'Kami tangani.', agencyId: 'dinas-kesehatan' },
        },
      ]);
    given([...history.inProgress, forwarded])
      .when(respond(puprOfficial))
      .thenError('forbidden', 'assigned_official_only');
  });

  it('is for a facilitator or an official of the assigned agency', () => {
    given(history.inProgress)
      .when(forward(healthOfficial))
      .thenError('forbidden', 'assigned_official_or_facilitator_only');
    given(history.inProgress)
      .when(forward(citizen))
      .thenError('forbidden', 'assigned_official_or_facilitator_only');
    given(history.inProgress)
      .when(forward(system))
      .thenError('forbidden', 'assigned_official_or_facilitator_only');
  });

  it('refuses the agency it is already with', () => {
    given(history.inProgress)
      .when(forward(facilitator, { toAgencyId: 'dinas-pupr' }))
      .thenError('invalid', 'same_agency', 'toAgencyId');
  });

  it('names the target agency and requires a reason', () => {
    given(history.inProgress)
      .when(forward(facilitator, { toAgencyId: '' }))
      .thenError('invalid', 'invalid_agency_id', 'toAgencyId');
    given(history.inProgress)
      .when(forward(facilitator, { reason: ' ' }))
      .thenError('invalid', 'invalid_reason', 'reason');
  });
});

describe('RespondToAspiration', () => {
  const respond = (actor = puprOfficial, data: object = {}, now = at.responded) =>
    command('RespondToAspiration', { messageId: 'msg-2', body: responded.data.body, ...data }, actor, now);

  it('records the response with an automatic close ten working days later', () => {
    given(history.inProgress).when(respond()).then([responded]);
  });

  it('may respond again after a reply; each response sets a new automatic close', () => {
    const now = '2026-01-19T03:00:00.000Z'; // Monday 19 → Tue 20 … Fri 23, Mon 26 … Fri 30, Mon 2 Feb
    given([...history.responded, replied])
      .when(respond(puprOfficial, { messageId: 'msg-4' }, now))
      .then([
        {
          type: 'OfficialResponded',
          data: {
            ...responded.data,
            messageId: 'msg-4',
            respondedAt: now,
            autoCloseDueAt: '2026-02-02T16:59:59.999Z',
          },
        },
      ]);
  });

  it.each([healthOfficial, facilitator, citizen, system])(
    'is for officials of the assigned agency only, not %o',
    (actor) => {
      given(history.inProgress).when(respond(actor)).thenError('forbidden', 'assigned_official_only');
    },
  );

  it('refuses a message id already used', () => {
    given(history.inProgress)
      .when(respond(puprOfficial, { messageId: 'msg-1' }))
      .thenError('conflict', 'message_already_exists');
  });

  it.each([
    ['empty', ''],
    ['blank', '  '],
    ['over 5000 characters', 'x'.repeat(5001)],
  ])('names the body when it is %s', (_why, body) => {
    given(history.inProgress)
      .when(respond(puprOfficial, { body }))
      .thenError('invalid', 'invalid_body', 'body');
  });
});

describe('ReplyToAspiration', () => {
  const reply = (actor = citizen, data: object = {}) =>
    command('ReplyToAspiration', { messageId: 'msg-3', body: replied.data.body, ...data }, actor, at.replied);

  it('lets the submitter reply after a response', () => {
    given(history.responded).when(reply()).then([replied]);
  });

  it('lets the submitter add detail before any response', () => {
    given(history.inProgress).when(reply()).then([replied]);
  });

  it.each([otherCitizen, facilitator, puprOfficial])('is for the submitter only, not %o', (actor) => {
    given(history.responded).when(reply(actor)).thenError('forbidden', 'submitter_only');
  });

  it('refuses a message id already used', () => {
    given(history.responded)
      .when(reply(citizen, { messageId: 'msg-2' }))
      .thenError('conflict', 'message_already_exists');
  });

  it('names the body when it is empty', () => {
    given(history.responded)
      .when(reply(citizen, { body: '' }))
      .thenError('invalid', 'invalid_body', 'body');
  });
});

describe('HideMessage', () => {
  const hide = (messageId: string, actor = facilitator, reason = 'Mengandung data pribadi') =>
    command('HideMessage', { messageId, reason }, actor, at.resolved);
  const hidden = (messageId: string): MessageHidden => ({
    type: 'MessageHidden',
    data: { messageId, reason: 'Mengandung data pribadi', hiddenAt: at.resolved },
  });
  const conversation = [...history.responded, replied];

  it.each(['msg-1', 'msg-2', 'msg-3'])('hides the submission, a response or a reply: %s', (messageId) => {
    given(conversation)
      .when(hide(messageId))
      .then([hidden(messageId)]);
  });

  it('works before verification too', () => {
    given(history.submitted)
      .when(hide('msg-1'))
      .then([hidden('msg-1')]);
  });

  it('hides a message once', () => {
    given([...conversation, hidden('msg-2')])
      .when(hide('msg-2'))
      .thenError('conflict', 'message_already_hidden');
  });

  it('other messages stay hideable after one is hidden', () => {
    given([...conversation, hidden('msg-2')])
      .when(hide('msg-3'))
      .then([hidden('msg-3')]);
  });

  it.each(['msg-404', 'toString', '__proto__'])('refuses an unknown message: %s', (messageId) => {
    given(conversation).when(hide(messageId)).thenError('not_found', 'message_not_found');
  });

  it.each([citizen, puprOfficial, system])('is for facilitators only, not %o', (actor) => {
    given(conversation).when(hide('msg-2', actor)).thenError('forbidden', 'facilitator_only');
  });

  it('requires a reason', () => {
    given(conversation)
      .when(hide('msg-2', facilitator, ' '))
      .thenError('invalid', 'invalid_reason', 'reason');
  });
});

// A command on an aspiration its sender may not see answers 404, exactly as a query would.
describe('an aspiration the actor may not see', () => {
  const confidential: AspirationEvent[] = history.inProgress.map((event) =>
    event.type === 'AspirationSubmitted'
      ? { ...event, data: { ...event.data, visibility: 'confidential' as const } }
      : event,
  );
  const respond = (actor: typeof puprOfficial) =>
    command('RespondToAspiration', { messageId: 'msg-9', body: 'Kami tangani.' }, actor, at.responded);
  const reply = (actor: typeof citizen) =>
    command('ReplyToAspiration', { messageId: 'msg-9', body: 'Terima kasih.' }, actor, at.responded);
  const hide = (actor: typeof facilitator) =>
    command('HideMessage', { messageId: 'msg-1', reason: 'Mengandung data pribadi' }, actor, at.responded);

  it('does not exist for an official of another agency when confidential', () =>
    given(confidential).when(respond(healthOfficial)).thenError('not_found', 'aspiration_not_found'));

  it('is refused (403), not hidden, to an official of another agency when public', () =>
    given(history.inProgress).when(respond(healthOfficial)).thenError('forbidden', 'assigned_official_only'));

  it('does not exist for another citizen before verification, nor when confidential', () => {
    given(history.submitted).when(reply(otherCitizen)).thenError('not_found', 'aspiration_not_found');
    given(confidential).when(reply(otherCitizen)).thenError('not_found', 'aspiration_not_found');
  });

  it('is refused (403) to another citizen who can read it', () =>
    given(history.inProgress).when(reply(otherCitizen)).thenError('forbidden', 'submitter_only'));

  it('keeps the normal rules for facilitators, who see everything', () =>
    given(confidential)
      .when(hide(facilitator))
      .then([
        {
          type: 'MessageHidden',
          data: { messageId: 'msg-1', reason: 'Mengandung data pribadi', hiddenAt: at.responded },
        },
      ]));
});
